import type { Metadata } from 'next'

import type { Article, Media } from '@/payload-types'
import type { PublicComment } from './comments/publicComment'
import { serverUrl, siteName } from './env.mjs'
import type { SiteSettings } from './queries'

type Site = Pick<SiteSettings, 'defaultImage' | 'logo'>

const asMedia = (m: unknown): Media | null => (m && typeof m === 'object' && (m as Media).url ? (m as Media) : null)

/**
 * The site's two feeds, for every page's head. A page's own `alternates` replaces the layout's
 * whole object, so each page names them again (withFeeds).
 */
export const SITE_FEEDS = [
  { url: `${serverUrl()}/feed.xml`, title: siteName() },
  { url: `${serverUrl()}/comments.xml`, title: `Comments · ${siteName()}` },
]

/** A page's canonical address with the site feeds (and any of its own) beside it. */
export const withFeeds = (
  canonical?: string,
  own: { url: string; title: string }[] = [],
): NonNullable<Metadata['alternates']> => ({
  ...(canonical ? { canonical } : {}),
  types: { 'application/rss+xml': [...SITE_FEEDS, ...own] },
})

export const absolute = (url: string) => (url.startsWith('http') ? url : `${serverUrl()}${url}`)

/** The image that represents a page when shared: its 1200 × 630 JPEG variant where there is one. */
export function shareImage(media: Media | null) {
  if (!media?.url) return null
  const og = media.sizes?.og
  if (og?.url && og.width && og.height)
    return { url: absolute(og.url), width: og.width, height: og.height, alt: media.alt }
  return {
    url: absolute(media.url),
    width: media.width ?? undefined,
    height: media.height ?? undefined,
    alt: media.alt,
  }
}

/** The article's image for sharing: its SEO image, else its hero, else the site's default. */
const imageOf = (article: Article, site: Site) =>
  asMedia(article.meta?.image) ?? asMedia(article.heroImage) ?? site.defaultImage

const authorUrl = (author: unknown) => {
  const slug = (author as { slug?: string | null } | null)?.slug
  return typeof slug === 'string' && slug ? `${serverUrl()}/authors/${slug}` : undefined
}

/** <title>, description, canonical URL and Open Graph tags for an article page. */
export function articleMetadata(article: Article, site: Site): Metadata {
  const title = article.meta?.title || article.title
  const description = article.meta?.description || article.excerpt || undefined
  const image = shareImage(imageOf(article, site))
  const url = `${serverUrl()}/articles/${article.slug}`
  return {
    title,
    description,
    alternates: withFeeds(url, [{ url: `${url}/comments.xml`, title: `Comments on “${article.title}”` }]),
    openGraph: {
      type: 'article',
      url,
      title,
      description,
      siteName: siteName(),
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt,
      authors: (article.populatedAuthors ?? []).map((a) => a.name ?? '').filter(Boolean),
      tags: article.tags ?? undefined,
      images: image ? [image] : undefined,
    },
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      title,
      description,
      images: image ? [image] : undefined,
    },
  }
}

/** Canonical URL and Open Graph tags for a list page (home, a section) or a standing page. */
export function listMetadata({
  path,
  title,
  description,
  site,
  image: own,
}: {
  path: string
  title?: string
  description?: string
  site: Site
  /** The page's own image for sharing (a Page's SEO image); else the site's default. */
  image?: unknown
}): Metadata {
  const url = `${serverUrl()}${path}`
  const image = shareImage(asMedia(own) ?? site.defaultImage)
  return {
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    alternates: withFeeds(url),
    openGraph: {
      type: 'website',
      url,
      siteName: siteName(),
      title: title ?? siteName(),
      description,
      images: image ? [image] : undefined,
    },
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      title: title ?? siteName(),
      description,
      images: image ? [image] : undefined,
    },
  }
}

/** How many approved comments the JSON-LD lists in full (commentCount always counts them all). */
const JSON_LD_COMMENTS = 20

/** schema.org NewsArticle as JSON-LD, escaped so no field can close the script element. */
export function articleJsonLd(
  article: Article,
  site: Site,
  comments: PublicComment[],
  total = comments.length,
): string {
  const image = shareImage(imageOf(article, site))
  const logo = shareImage(site.logo)
  const url = `${serverUrl()}/articles/${article.slug}`
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.meta?.description || article.excerpt || undefined,
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt,
    mainEntityOfPage: url,
    url,
    image: image ? [image.url] : undefined,
    keywords: article.tags?.length ? article.tags.join(', ') : undefined,
    author: (article.populatedAuthors ?? []).map((a) => ({ '@type': 'Person', name: a.name, url: authorUrl(a) })),
    publisher: {
      '@type': 'Organization',
      name: siteName(),
      url: serverUrl(),
      logo: {
        '@type': 'ImageObject',
        url: logo?.url ?? `${serverUrl()}/apple-touch-icon.png`,
        width: logo?.width ?? 180,
        height: logo?.height ?? 180,
      },
    },
    commentCount: total,
    comment: comments.slice(0, JSON_LD_COMMENTS).map((c) => ({
      '@type': 'Comment',
      '@id': `${url}#comment-${c.id}`,
      url: `${url}#comment-${c.id}`,
      text: c.body,
      dateCreated: c.createdAt,
      author: { '@type': 'Person', name: c.authorName || 'Anonymous', url: c.authorUrl || undefined },
      ...(c.parent ? { parentItem: { '@id': `${url}#comment-${c.parent}` } } : {}),
    })),
  }
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
}
