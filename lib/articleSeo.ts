import type { Metadata } from 'next'

import type { Article, Media } from '@/payload-types'
import { serverUrl, siteName } from './env'

const imageOf = (article: Article): Media | null => {
  const image = article.meta?.image ?? article.heroImage
  return typeof image === 'object' && image ? image : null
}

const absolute = (url: string) => (url.startsWith('http') ? url : `${serverUrl}${url}`)

/** <title>, description, canonical URL and Open Graph tags for an article page. */
export function articleMetadata(article: Article): Metadata {
  const title = article.meta?.title || article.title
  const description = article.meta?.description || article.excerpt || undefined
  const image = imageOf(article)
  const url = `${serverUrl}/articles/${article.slug}`
  return {
    title,
    description,
    alternates: {
      canonical: url,
      // Replaces the layout's list, so the site feeds are named again next to the article's own.
      types: {
        'application/rss+xml': [
          { url: `${serverUrl}/feed.xml`, title: siteName },
          { url: `${serverUrl}/comments.xml`, title: `Comments · ${siteName}` },
          { url: `${url}/comments.xml`, title: `Comments on “${article.title}”` },
        ],
      },
    },
    openGraph: {
      type: 'article',
      url,
      title,
      description,
      siteName,
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt,
      authors: (article.populatedAuthors ?? []).map((a) => a.name ?? '').filter(Boolean),
      images: image?.url ? [{ url: absolute(image.url), alt: image.alt, width: image.width ?? undefined, height: image.height ?? undefined }] : undefined,
    },
    twitter: { card: image ? 'summary_large_image' : 'summary', title, description },
  }
}

/** schema.org NewsArticle as JSON-LD, escaped so no field can close the script element. */
export function articleJsonLd(article: Article): string {
  const image = imageOf(article)
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.meta?.description || article.excerpt || undefined,
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt,
    mainEntityOfPage: `${serverUrl}/articles/${article.slug}`,
    image: image?.url ? [absolute(image.url)] : undefined,
    author: (article.populatedAuthors ?? []).map((a) => ({ '@type': 'Person', name: a.name })),
    publisher: { '@type': 'Organization', name: siteName },
  }
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
}
