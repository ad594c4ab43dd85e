import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/ArticleList'
import { parsePage } from '@/components/Pagination'
import { listMetadata } from '@/lib/articleSeo'
import { siteDescription } from '@/lib/env.mjs'
import { getLatestArticles, getSiteSettings } from '@/lib/queries'

// The front page: latest published articles, newest first. Readers address it as `/` and
// `/?page=N`; next.config.mjs rewrites those here, so each page is a path Next.js can cache.
export const dynamicParams = true
export const generateStaticParams = async () => []

type Args = { params: Promise<{ page: string }> }

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const page = parsePage((await params).page)
  if (page === null) return {}
  const site = await getSiteSettings()
  return listMetadata({
    path: page === 1 ? '/' : `/?page=${page}`,
    title: page === 1 ? undefined : `Latest articles, page ${page}`,
    description: siteDescription(),
    site,
  })
}

export default async function HomePage({ params }: Args) {
  const page = parsePage((await params).page)
  if (page === null) notFound()
  const result = await getLatestArticles(page)
  if (page > 1 && result.docs.length === 0) notFound()
  return (
    <section>
      <h1 className="visually-hidden">Latest articles</h1>
      <ArticleList articles={result.docs} basePath="/" page={page} totalPages={result.totalPages} />
    </section>
  )
}
