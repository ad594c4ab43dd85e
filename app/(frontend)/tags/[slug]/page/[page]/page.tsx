import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/ArticleList'
import { parsePage } from '@/components/Pagination'
import { getPublishedTags, getTagArticles } from '@/lib/archives'
import { withFeeds } from '@/lib/articleSeo'
import '../../../../archive.css'

// The published articles with one tag. Readers address it as `/tags/<slug>` and `?page=N`
// (the slug is lib/slugify.ts of the tag); next.config.mjs rewrites those here, so each page is
// a path Next.js can cache.
export const dynamicParams = true
export const generateStaticParams = async () => []

type Args = { params: Promise<{ slug: string; page: string }> }

async function tagOf(slug: string) {
  const texts = (await getPublishedTags()).get(slug)
  return texts ? { slug, texts, name: [...texts].sort()[0] } : null
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const tag = await tagOf((await params).slug)
  return tag ? { title: `Tagged “${tag.name}”`, alternates: withFeeds(`/tags/${tag.slug}`) } : {}
}

export default async function TagPage({ params }: Args) {
  const { slug, page: rawPage } = await params
  const page = parsePage(rawPage)
  const tag = await tagOf(slug)
  if (!tag || page === null) notFound()
  const result = await getTagArticles(slug, tag.texts, page)
  if (page > 1 && result.docs.length === 0) notFound()
  return (
    <section>
      <header className="archive-header">
        <p className="archive-kind">Tag</p>
        <h1 className="section-title">{tag.name}</h1>
      </header>
      <ArticleList articles={result.docs} basePath={`/tags/${slug}`} page={page} totalPages={result.totalPages} />
    </section>
  )
}
