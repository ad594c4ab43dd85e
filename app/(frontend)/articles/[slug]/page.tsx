import type { Metadata } from 'next'

import { articlePageMetadata, ArticleView } from '@/components/ArticleView'

type Args = { params: Promise<{ slug: string }> }

// Rendered on first request, then served from Next's cache until a hook expires its tags.
export const dynamicParams = true
export const generateStaticParams = async () => []

export const generateMetadata = async ({ params }: Args): Promise<Metadata> =>
  articlePageMetadata(decodeURIComponent((await params).slug))

export default async function ArticlePage({ params }: Args) {
  return <ArticleView slug={decodeURIComponent((await params).slug)} />
}
