import { unstable_cache } from 'next/cache'
import { cache } from 'react'
import type { Payload, Where } from 'payload'

import type { Article, Category, Media } from '@/payload-types'
import { TAGS } from './cacheTags'
import { isBuild } from './env.mjs'
import { payload } from './payload'
import { latestSharing, pickedArticles, type RelatedArticle } from './relatedArticles'

/**
 * Every read the public pages make, as an anonymous reader (`overrideAccess: false`, no user),
 * cached by Next with the tags in lib/cacheTags.ts so hooks can expire exactly what changed.
 */

export const PAGE_SIZE = 10

const listSelect = {
  title: true,
  slug: true,
  excerpt: true,
  heroImage: true,
  categories: true,
  populatedAuthors: true,
  publishedAt: true,
} as const

export type ArticleCard = Pick<
  Article,
  'id' | 'title' | 'slug' | 'excerpt' | 'heroImage' | 'categories' | 'populatedAuthors' | 'publishedAt'
>

export async function listArticles(where: Where | undefined, page: number, limit = PAGE_SIZE) {
  const result = await (
    await payload()
  ).find({
    collection: 'articles',
    overrideAccess: false,
    where,
    sort: '-publishedAt',
    page,
    limit,
    depth: 1,
    select: listSelect,
  })
  return { ...result, docs: result.docs as ArticleCard[] }
}

export const getLatestArticles = (page: number) =>
  unstable_cache(() => listArticles(undefined, page), ['latest-articles', String(page)], { tags: [TAGS.articles] })()

export const getCategoryBySlug = cache((slug: string) =>
  unstable_cache(
    async () => {
      const { docs } = await (
        await payload()
      ).find({
        collection: 'categories',
        overrideAccess: false,
        where: { slug: { equals: slug } },
        limit: 1,
        pagination: false,
        depth: 0,
      })
      return (docs[0] as Category | undefined) ?? null
    },
    ['category', slug],
    { tags: [TAGS.categories, TAGS.category(slug)] },
  )(),
)

export const getCategoryArticles = (categoryId: number, slug: string, page: number) =>
  unstable_cache(
    () => listArticles({ categories: { in: [categoryId] } }, page),
    ['category-articles', slug, String(page)],
    {
      tags: [TAGS.articles, TAGS.category(slug)],
    },
  )()

export const getTagArticles = (tag: string, page: number) =>
  unstable_cache(() => listArticles({ tags: { equals: tag } }, page), ['tag-articles', tag, String(page)], {
    tags: [TAGS.articles],
  })()

/** What a reader page shows of an image it populates: the picture, its sizes, alt text and caption. */
export const MEDIA_SHOWN = {
  alt: true,
  caption: true,
  filename: true,
  mimeType: true,
  url: true,
  width: true,
  height: true,
  sizes: true,
} as const

/**
 * The article page's article, one level deep, each related document with only what the page
 * shows of it: hero and SEO image, categories, hand-picked "Read more" articles.
 */
export async function findArticleBySlug(client: Payload, slug: string): Promise<Article | null> {
  const { docs } = await client.find({
    collection: 'articles',
    overrideAccess: false,
    where: { slug: { equals: slug } },
    limit: 1,
    pagination: false,
    depth: 1,
    populate: {
      categories: { title: true, slug: true },
      media: MEDIA_SHOWN,
    },
  })
  return (docs[0] as Article | undefined) ?? null
}

export const getArticleBySlug = cache((slug: string) =>
  unstable_cache(async () => findArticleBySlug(await payload(), slug), ['article', slug], {
    tags: [TAGS.articles, TAGS.article(slug)],
  })(),
)

/** Draft mode: staff see the latest draft; access still applies through their own user. */
export async function getArticleDraft(
  slug: string,
  user: Parameters<Awaited<ReturnType<typeof payload>>['find']>[0]['user'],
) {
  const { docs } = await (
    await payload()
  ).find({
    collection: 'articles',
    overrideAccess: false,
    user,
    draft: true,
    where: { slug: { equals: slug } },
    limit: 1,
    pagination: false,
    depth: 1,
  })
  return (docs[0] as Article | undefined) ?? null
}

/** Old slug → current slug, for the 301 from a renamed article's old address. */
export async function findRedirectTarget(client: Payload, slug: string): Promise<string | null> {
  const { docs } = await client.find({
    collection: 'articles',
    overrideAccess: false,
    where: { 'previousSlugs.slug': { equals: slug } },
    limit: 1,
    pagination: false,
    depth: 0,
    select: { slug: true },
  })
  return docs[0]?.slug ?? null
}

export const getRedirectTarget = (slug: string) =>
  unstable_cache(async () => findRedirectTarget(await payload(), slug), ['redirect', slug], {
    tags: [TAGS.redirects],
  })()

/**
 * "Read more": the hand-picked related articles that readers may see, else the latest articles
 * sharing a category or a tag with this one.
 */
export async function findRelatedArticles(client: Payload, article: Article, limit = 3): Promise<RelatedArticle[]> {
  // Ids (the field is never populated); pickedArticles keeps those published, in order.
  const pickedIds = (article.relatedArticles ?? []).map((r) => (typeof r === 'object' ? r.id : r))
  const picked = pickedIds.length > 0 ? await pickedArticles(client, pickedIds) : []
  if (picked.length > 0) return picked
  const categoryIds = (article.categories ?? []).map((c) => (typeof c === 'object' ? c.id : c))
  const tags = article.tags ?? []
  if (categoryIds.length === 0 && tags.length === 0) return []
  return latestSharing(client, article.id, categoryIds, tags, limit)
}

export const getFeedArticles = (limit: number) =>
  unstable_cache(
    async () => {
      const { docs } = await (
        await payload()
      ).find({
        collection: 'articles',
        overrideAccess: false,
        sort: '-publishedAt',
        limit,
        depth: 1,
        select: { ...listSelect, updatedAt: true },
      })
      return docs as (ArticleCard & Pick<Article, 'updatedAt'>)[]
    },
    ['feed', String(limit)],
    { tags: [TAGS.articles] },
  )()

export const getAllArticleSlugs = () =>
  unstable_cache(
    async () => {
      const { docs } = await (
        await payload()
      ).find({
        collection: 'articles',
        overrideAccess: false,
        sort: '-publishedAt',
        pagination: false,
        limit: 50000,
        depth: 0,
        select: { slug: true, updatedAt: true },
      })
      return docs as Pick<Article, 'slug' | 'updatedAt'>[]
    },
    ['all-slugs'],
    { tags: [TAGS.articles] },
  )()

export const getAllCategories = () =>
  unstable_cache(
    async () => {
      const { docs } = await (
        await payload()
      ).find({
        collection: 'categories',
        overrideAccess: false,
        pagination: false,
        limit: 1000,
        depth: 0,
        sort: 'title',
      })
      return docs as Category[]
    },
    ['all-categories'],
    { tags: [TAGS.categories] },
  )()

export type SiteSettings = {
  sections: Pick<Category, 'id' | 'title' | 'slug'>[]
  footerLinks: { label: string; url: string }[]
  logo: Media | null
  defaultImage: Media | null
  icon: Media | null
}

const mediaOrNull = (m: unknown): Media | null => (m && typeof m === 'object' ? (m as Media) : null)

const NO_SETTINGS: SiteSettings = { sections: [], footerLinks: [], logo: null, defaultImage: null, icon: null }

/**
 * The Site global as every page shows it: menu sections in order, footer pages, images. `next
 * build` has no database: the few pages it prerenders (the 404 page, the sign-in notices) show
 * the site without its menu sections and footer pages.
 */
export const getSiteSettings = cache(() =>
  isBuild()
    ? Promise.resolve(NO_SETTINGS)
    : unstable_cache(
        async (): Promise<SiteSettings> => {
          const site = await (await payload()).findGlobal({ slug: 'site', overrideAccess: false, depth: 1 })
          return {
            sections: (site.sections ?? [])
              .filter((c): c is Category => typeof c === 'object' && c !== null && Boolean(c.slug))
              .map(({ id, title, slug }) => ({ id, title, slug })),
            footerLinks: (site.footerLinks ?? []).map(({ label, url }) => ({ label, url })),
            logo: mediaOrNull(site.logo),
            defaultImage: mediaOrNull(site.defaultImage),
            icon: mediaOrNull(site.icon),
          }
        },
        ['site-settings'],
        { tags: [TAGS.site, TAGS.categories] },
      )(),
)
