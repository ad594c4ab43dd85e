import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/ArticleList'
import { parsePage } from '@/components/Pagination'
import { listMetadata } from '@/lib/articleSeo'
import { getCategoryArticles, getCategoryBySlug, getSiteSettings } from '@/lib/queries'

// A category's articles. Readers address it as `/categories/<slug>` and `?page=N`;
// next.config.mjs rewrites those here, so each page is a path Next.js can cache.
export const dynamicParams = true
export const generateStaticParams = async () => []

type Args = { params: Promise<{ slug: string; page: string }> }

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const { slug, page: rawPage } = await params
  const page = parsePage(rawPage)
  const [category, site] = await Promise.all([getCategoryBySlug(slug), getSiteSettings()])
  if (!category || page === null) return {}
  const path = `/categories/${category.slug}${page === 1 ? '' : `?page=${page}`}`
  return listMetadata({
    path,
    title: page === 1 ? category.title : `${category.title}, page ${page}`,
    description: `The latest ${category.title} articles.`,
    site,
  })
}

export default async function CategoryPage({ params }: Args) {
  const { slug, page: rawPage } = await params
  const page = parsePage(rawPage)
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
