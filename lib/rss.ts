import type { ArticleCard } from './queries'

export const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')

type Channel = { title: string; description: string; link: string; selfUrl: string }

/** RSS 2.0 for the given articles, newest first. */
export function renderRss(channel: Channel, articles: ArticleCard[]): string {
  const items = articles
    .map((a) => {
      const link = `${channel.link}/articles/${a.slug}`
      const authors = (a.populatedAuthors ?? [])
        .map((p) => p.name)
        .filter(Boolean)
        .join(', ')
      return [
        '    <item>',
        `      <title>${escapeXml(a.title)}</title>`,
        `      <link>${escapeXml(link)}</link>`,
        `      <guid isPermaLink="false">byline-article-${a.id}</guid>`,
        a.publishedAt ? `      <pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate>` : '',
        authors ? `      <dc:creator>${escapeXml(authors)}</dc:creator>` : '',
        a.excerpt ? `      <description>${escapeXml(a.excerpt)}</description>` : '',
        '    </item>',
      ]
        .filter(Boolean)
        .join('\n')
    })
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(channel.title)}</title>
    <link>${escapeXml(channel.link)}</link>
    <description>${escapeXml(channel.description)}</description>
    <atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`
}
