import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { articlePageMetadata, ArticleView } from '@/components/ArticleView'

type Args = { params: Promise<{ slug: string; commentId: string }> }

/** "Reply" without JavaScript: the article with the form set to answer one comment. */
export async function generateMetadata({ params }: Args): Promise<Metadata> {
  return { ...(await articlePageMetadata(decodeURIComponent((await params).slug))), robots: { index: false } }
}

export default async function ReplyPage({ params }: Args) {
  const { slug, commentId } = await params
  const id = Number(commentId)
  if (!Number.isInteger(id) || id < 1) notFound()
  return <ArticleView replyTo={id} slug={decodeURIComponent(slug)} />
}
