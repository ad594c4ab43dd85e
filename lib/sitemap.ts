import { escapeXml } from './rss'

export type SitemapEntry = {
  url: string
  lastModified?: string | null
  changeFrequency?: 'hourly' | 'daily'
  priority?: number
}

/** The sitemaps.org XML for the given pages. */
export function renderSitemap(entries: SitemapEntry[]): string {
  const urls = entries.map((e) =>
    [
      '<url>',
      `<loc>${escapeXml(e.url)}</loc>`,
      e.lastModified ? `<lastmod>${new Date(e.lastModified).toISOString()}</lastmod>` : '',
      e.changeFrequency ? `<changefreq>${e.changeFrequency}</changefreq>` : '',
      e.priority !== undefined ? `<priority>${e.priority}</priority>` : '',
      '</url>',
    ].join(''),
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}
