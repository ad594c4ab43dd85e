import type { Metadata, Viewport } from 'next'
import React from 'react'

import { SiteFrame } from '@/components/SiteFrame'
import { withFeeds } from '@/lib/articleSeo'
import { serverUrl, siteDescription, siteName } from '@/lib/env.mjs'
import './styles.css'

export const metadata: Metadata = {
  metadataBase: new URL(serverUrl()),
  title: { default: siteName(), template: `%s · ${siteName()}` },
  description: siteDescription(),
  // Both site feeds on every page, so a feed reader finds the comments from the home page too.
  alternates: withFeeds(),
  // Served by app/(frontend)/icon/[file] from the Site global's icon, or the shipped default.
  icons: { icon: '/favicon.ico', apple: '/apple-touch-icon.png' },
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#121212' },
  ],
}

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame>{children}</SiteFrame>
}
