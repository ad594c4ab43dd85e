import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/ArticleList'
import { parsePage } from '@/components/Pagination'
import { getCategoryArticles, getCategoryBySlug } from '@/lib/queries'

type Args = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> }

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const category = await getCategoryBySlug((await params).slug)
  return category ? { title: category.title, alternates: { canonical: `/categories/${category.slug}` } } : {}
}

export default async function CategoryPage({ params, searchParams }: Args) {
  const [{ slug }, query] = await Promise.all([params, searchParams])
  const page = parsePage(query.page)
  const category = await getCategoryBySlug(slug)
  if (!category || page === null) notFound()
  const result = await getCategoryArticles(category.id, slug, page)
  if (page > 1 && result.docs.length === 0) notFound()
  return (
    <section>
      <h1 className="section-title">{category.title}</h1>
      <ArticleList articles={result.docs} basePath={`/categories/${slug}`} page={page} totalPages={result.totalPages} />
    </section>
  )
}
