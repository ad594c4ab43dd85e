import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { articlePageMetadata, ArticleView } from '@/components/ArticleView'
import { parsePage } from '@/components/Pagination'

type Args = { params: Promise<{ slug: string; page: string }> }

/** Older/newer pages of an article's comments: /articles/<slug>/comment-page/2, cached like the article. */
export const dynamicParams = true
export const generateStaticParams = async () => []

export const generateMetadata = async ({ params }: Args): Promise<Metadata> =>
  articlePageMetadata(decodeURIComponent((await params).slug))

export default async function CommentPage({ params }: Args) {
  const { slug, page } = await params
  const n = parsePage(page)
  if (n === null || n < 2) notFound()
  return <ArticleView commentPage={n} slug={decodeURIComponent(slug)} />
}
