import { serverUrl, siteDescription, siteName } from '@/lib/env'
import { getFeedArticles } from '@/lib/queries'
import { renderRss } from '@/lib/rss'

// Rendered per request from tag-cached data, so `next build` needs no database.
export const dynamic = 'force-dynamic'

export const FEED_SIZE = 20

/** RSS 2.0: the latest 20 published articles. */
export async function GET() {
  const articles = await getFeedArticles(FEED_SIZE)
  const xml = renderRss({ title: siteName, description: siteDescription, link: serverUrl, selfUrl: `${serverUrl}/feed.xml` }, articles)
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
}
