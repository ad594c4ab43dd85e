import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/ArticleList'
import { parsePage } from '@/components/Pagination'
import { getLatestArticles } from '@/lib/queries'

type Args = { searchParams: Promise<{ page?: string | string[] }> }

/** The front page: latest published articles, newest first, `?page=N` for older ones. */
export default async function HomePage({ searchParams }: Args) {
  const page = parsePage((await searchParams).page)
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
