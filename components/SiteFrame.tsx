import React from 'react'

import { SiteFooter } from './SiteFooter'
import { SiteHeader } from './SiteHeader'

/** The reader site's page frame: used by the (frontend) layout and app/global-not-found.tsx. */
export function SiteFrame({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SiteHeader />
        <main id="content">{children}</main>
        <SiteFooter />
      </body>
    </html>
  )
}
