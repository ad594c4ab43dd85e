import type { Metadata } from 'next'
import Link from 'next/link'
import React from 'react'

import { serverUrl, siteDescription, siteName } from '@/lib/env'
import './styles.css'

export const metadata: Metadata = {
  metadataBase: new URL(serverUrl),
  title: { default: siteName, template: `%s · ${siteName}` },
  description: siteDescription,
  alternates: { types: { 'application/rss+xml': `${serverUrl}/feed.xml` } },
}

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link className="site-name" href="/">
            {siteName}
          </Link>
          <nav>
            <Link href="/feed.xml">RSS</Link>
          </nav>
        </header>
        <main>{children}</main>
        <footer className="site-footer">
          <p>
            {siteName} · <Link href="/feed.xml">RSS feed</Link>
          </p>
        </footer>
      </body>
    </html>
  )
}
