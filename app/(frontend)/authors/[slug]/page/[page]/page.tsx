import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/components/ArticleList'
import { MediaImage } from '@/components/MediaImage'
import { parsePage } from '@/components/Pagination'
import { getAuthorArticles, getAuthorBySlug, type AuthorProfile } from '@/lib/archives'
import { withFeeds } from '@/lib/articleSeo'
import { serverUrl } from '@/lib/env.mjs'
import { serializeJsonLd } from '@/lib/jsonLd'
import '../../../../archive.css'

// An author's published articles. Readers address it as `/authors/<slug>` and `?page=N`;
// next.config.mjs rewrites those here, so each page is a path Next.js can cache.
export const dynamicParams = true
export const generateStaticParams = async () => []

type Args = { params: Promise<{ slug: string; page: string }> }

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const author = await getAuthorBySlug((await params).slug)
  if (!author) return {}
  return {
    title: author.name,
    description: author.bio || `Articles by ${author.name}.`,
    alternates: withFeeds(`/authors/${author.slug}`),
  }
}

const personJsonLd = (author: AuthorProfile) =>
  serializeJsonLd({
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: author.name,
    url: `${serverUrl()}/authors/${author.slug}`,
    description: author.bio || undefined,
    image: author.photo?.url ? new URL(author.photo.url, serverUrl()).toString() : undefined,
  })

export default async function AuthorPage({ params }: Args) {
  const { slug, page: rawPage } = await params
  const page = parsePage(rawPage)
  const author = await getAuthorBySlug(slug)
  if (!author || page === null) notFound()
  const result = await getAuthorArticles(author.id, slug, page)
  if (page > 1 && result.docs.length === 0) notFound()
  return (
    <section>
      <header className="archive-header author-header">
        <MediaImage className="author-photo" media={author.photo} shape="card" sizes="6rem" priority />
        <div>
          <p className="archive-kind">Author</p>
          <h1 className="section-title">{author.name}</h1>
          {author.bio && <p className="author-bio">{author.bio}</p>}
        </div>
      </header>
      <script dangerouslySetInnerHTML={{ __html: personJsonLd(author) }} type="application/ld+json" />
      <ArticleList articles={result.docs} basePath={`/authors/${slug}`} page={page} totalPages={result.totalPages} />
    </section>
  )
}
