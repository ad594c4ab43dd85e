import type { MetadataRoute } from 'next'

import { serverUrl } from '@/lib/env.mjs'

// Rendered per request, not at build: the Sitemap line must name the running server's SERVER_URL
// (the host of the canonical URLs), which `next build` does not know.
export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: '*',
        // Article images live under /api/media/file: search engines may fetch them (the longer
        // rule wins over `Disallow: /api/`).
        allow: ['/', '/api/media/'],
        disallow: ['/admin', '/api/', '/preview', '/exit-preview'],
      },
    ],
    sitemap: `${serverUrl()}/sitemap.xml`,
    host: serverUrl(),
  }
}
