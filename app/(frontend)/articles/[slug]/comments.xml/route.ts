import { getArticleCommentFeed, renderCommentRss } from '@/lib/commentFeed'
import { serverUrl, siteName } from '@/lib/env.mjs'
import { getArticleBySlug } from '@/lib/queries'

// RSS 2.0 of one article's latest approved comments. Rendered on first request, then served from
// Next's cache until the article or its comments change.
export const dynamicParams = true
export const generateStaticParams = async () => []

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = decodeURIComponent((await params).slug)
  const article = await getArticleBySlug(slug)
  if (!article)
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const comments = await getArticleCommentFeed(article.id)
  const link = `${serverUrl()}/articles/${article.slug}`
  const xml = renderCommentRss(
    {
      title: `Comments on “${article.title}” · ${siteName()}`,
      description: `Reader comments on “${article.title}”.`,
      link,
      selfUrl: `${link}/comments.xml`,
      serverUrl: serverUrl(),
    },
    comments,
  )
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
}
