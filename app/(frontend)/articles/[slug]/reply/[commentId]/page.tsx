import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { articlePageMetadata, ArticleView } from '@/components/ArticleView'
import { parseId } from '@/lib/ids'

type Args = { params: Promise<{ slug: string; commentId: string }> }

/**
 * "Reply" without JavaScript: the article with the form set to answer one comment. Cached like
 * the article (expired by the same tags); the proxy lets only approved comments' ids through,
 * and Next's cache handler keeps these pages in its bounded memory layer, not on disk.
 */
export const dynamicParams = true
export const generateStaticParams = async () => []

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  return { ...(await articlePageMetadata(decodeURIComponent((await params).slug))), robots: { index: false } }
}

export default async function ReplyPage({ params }: Args) {
  const { slug, commentId } = await params
  const id = parseId(commentId)
  if (id === null) notFound()
  return <ArticleView replyTo={id} slug={decodeURIComponent(slug)} />
}
