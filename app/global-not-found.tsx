import type { Metadata } from 'next'

import { NotFoundMessage } from '@/components/NotFoundMessage'
import { SiteFrame } from '@/components/SiteFrame'
import { siteName } from '@/lib/env.mjs'
import './(frontend)/styles.css'

// Any address no route matches (the site has two root layouts, reader site and admin, so Next
// would otherwise answer with its own bare page): the reader site's branded page, status 404.
export const metadata: Metadata = { title: `Page not found · ${siteName()}`, robots: { index: false } }

export default function GlobalNotFound() {
  return (
    <SiteFrame>
      <NotFoundMessage />
    </SiteFrame>
  )
}
