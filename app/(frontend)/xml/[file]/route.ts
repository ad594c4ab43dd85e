import { serverUrl, siteDescription, siteName } from '@/lib/env.mjs'
import { getPublishedAuthors, getPublishedTags } from '@/lib/archives'
import { getSiteCommentFeed, renderCommentRss } from '@/lib/commentFeed'
import { getAllPagePaths } from '@/lib/pageQueries'
import { getAllArticleSlugs, getAllCategories, getFeedArticles } from '@/lib/queries'
import { renderRss } from '@/lib/rss'
import { renderSitemap } from '@/lib/sitemap'

// /feed.xml and /sitemap.xml, rewritten here by next.config.mjs. As a dynamic segment rendered on
// first request (not at build, so `next build` needs no database), each file is then served from
// Next's cache until a change expires the tags of the data it read.
export const dynamicParams = true
export const generateStaticParams = async () => []

const FEED_SIZE = 20

const FILES: Record<string, () => Promise<Response>> = {
  /** RSS 2.0: the latest 20 published articles. */
  'feed.xml': async () => {
    const articles = await getFeedArticles(FEED_SIZE)
    const xml = renderRss(
      { title: siteName(), description: siteDescription(), link: serverUrl(), selfUrl: `${serverUrl()}/feed.xml` },
      articles,
    )
    return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
  },
  /** RSS 2.0: the latest approved comments on published articles (/comments.xml). */
  'comments.xml': async () => {
    const comments = await getSiteCommentFeed()
    const selfUrl = `${serverUrl()}/comments.xml`
    const xml = renderCommentRss(
      {
        title: `Comments · ${siteName()}`,
        description: `The latest reader comments on ${siteName()}.`,
        link: serverUrl(),
        selfUrl,
        serverUrl: serverUrl(),
      },
      comments,
    )
    return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
  },
  'sitemap.xml': async () => {
    const [articles, categories, authors, tags, pages] = await Promise.all([
      getAllArticleSlugs(),
      getAllCategories(),
      getPublishedAuthors(),
      getPublishedTags(),
      getAllPagePaths(),
    ])
    const xml = renderSitemap([
      { url: `${serverUrl()}/`, changeFrequency: 'hourly', priority: 1 },
      ...categories.map((c) => ({ url: `${serverUrl()}/categories/${c.slug}`, lastModified: c.updatedAt })),
      ...authors.map((a) => ({ url: `${serverUrl()}/authors/${a.slug}`, lastModified: a.updatedAt })),
      ...[...tags.keys()].map((slug) => ({ url: `${serverUrl()}/tags/${slug}` })),
      ...articles.map((a) => ({ url: `${serverUrl()}/articles/${a.slug}`, lastModified: a.updatedAt })),
      ...pages.map((p) => ({ url: `${serverUrl()}${p.path}`, lastModified: p.updatedAt })),
    ])
    return new Response(xml, { headers: { 'Content-Type': 'application/xml' } })
  },
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const render = FILES[(await params).file]
  return render ? render() : new Response('Not found', { status: 404 })
}
