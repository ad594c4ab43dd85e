import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/ArticleList'
import { parsePage } from '@/components/Pagination'
import { getTagArticles } from '@/lib/queries'

// The articles with one tag. Readers address it as `/tags/<tag>` and `?page=N`; next.config.mjs
// rewrites those here, as for categories, so each page is a path Next.js can cache.
export const dynamicParams = true
export const generateStaticParams = async () => []

type Args = { params: Promise<{ tag: string; page: string }> }

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const tag = decodeURIComponent((await params).tag)
  return { title: `Tagged “${tag}”`, alternates: { canonical: `/tags/${encodeURIComponent(tag)}` } }
}

export default async function TagPage({ params }: Args) {
  const { tag: rawTag, page: rawPage } = await params
  const tag = decodeURIComponent(rawTag)
  const page = parsePage(rawPage)
  if (page === null) notFound()
  const result = await getTagArticles(tag, page)
  if (result.docs.length === 0) notFound()
  return (
    <section>
      <h1 className="section-title">Tagged “{tag}”</h1>
      <ArticleList articles={result.docs} basePath={`/tags/${encodeURIComponent(tag)}`} page={page} totalPages={result.totalPages} />
    </section>
  )
}
