import { unstable_cache } from 'next/cache'
import { cache } from 'react'
import type { Payload } from 'payload'

import type { Media, User } from '@/payload-types'
import { publishedAuthorSlugs } from './authors'
import { TAGS } from './cacheTags'
import { payload } from './payload'
import { listArticles } from './queries'
import { slugify } from './slugify'
import { readPoolOf, publishedSql } from './sql'

/**
 * Author and tag archives (/authors/<slug>, /tags/<slug>), read as an anonymous reader and cached
 * by Next with the tags in lib/cacheTags.ts, like the category pages.
 */

export type AuthorProfile = Pick<User, 'id' | 'name' | 'slug' | 'bio'> & { photo: Media | null }

/** An author of published articles by slug, public fields only; null for anyone else. */
export async function findAuthorBySlug(client: Payload, slug: string): Promise<AuthorProfile | null> {
  const { docs } = await client.find({
    collection: 'users',
    overrideAccess: false,
    where: { slug: { equals: slug } },
    limit: 1,
    pagination: false,
    depth: 1,
    select: { name: true, slug: true, bio: true, photo: true },
    populate: { media: { alt: true, url: true, width: true, height: true, sizes: true } },
  })
  const user = docs[0] as User | undefined
  if (!user) return null
  const photo = typeof user.photo === 'object' && user.photo ? user.photo : null
  return { id: user.id, name: user.name, slug: user.slug, bio: user.bio, photo }
}

export const getAuthorBySlug = cache((slug: string) =>
  unstable_cache(async () => findAuthorBySlug(await payload(), slug), ['author', slug], {
    // Whether they count as an author depends on what is published.
    tags: [TAGS.articles, TAGS.author(slug)],
  })(),
)

export const findAuthorArticles = (authorId: number, page: number) =>
  listArticles({ authors: { in: [authorId] } }, page)

export const getAuthorArticles = (authorId: number, slug: string, page: number) =>
  unstable_cache(() => findAuthorArticles(authorId, page), ['author-articles', slug, String(page)], {
    tags: [TAGS.articles, TAGS.author(slug)],
  })()

/**
 * Every tag of a published article with its slug (lib/slugify.ts, as the tag links use), by slug.
 * Several spellings may share one slug ("Space", "space"): the page lists the articles of all.
 */
export async function findPublishedTags(client: Payload): Promise<Map<string, string[]>> {
  const { rows } = await readPoolOf(client).query<{ text: string }>(
    `select distinct t.text from articles_texts t join articles a on a.id = t.parent_id
     where t.path = 'tags' and t.text is not null and ${publishedSql('a')}`,
  )
  const bySlug = new Map<string, string[]>()
  for (const { text } of rows) {
    const slug = slugify(text)
    if (slug) bySlug.set(slug, [...(bySlug.get(slug) ?? []), text])
  }
  return bySlug
}

export const getPublishedTags = cache(() =>
  unstable_cache(async () => [...(await findPublishedTags(await payload())).entries()], ['published-tags'], {
    tags: [TAGS.articles],
  })().then((entries) => new Map(entries)),
)

export const findTagArticles = (texts: string[], page: number) => listArticles({ tags: { in: texts } }, page)

export const getTagArticles = (slug: string, texts: string[], page: number) =>
  unstable_cache(() => findTagArticles(texts, page), ['tag-articles', slug, String(page)], { tags: [TAGS.articles] })()

/** Every author of a published article with a slug, for the sitemap. */
export const getPublishedAuthors = () =>
  unstable_cache(
    async () => {
      const { docs } = await (
        await payload()
      ).find({
        collection: 'users',
        overrideAccess: false,
        where: { slug: { exists: true } },
        pagination: false,
        limit: 1000,
        depth: 0,
        select: { slug: true, updatedAt: true },
      })
      return docs as Pick<User, 'slug' | 'updatedAt'>[]
    },
    ['published-authors'],
    { tags: [TAGS.articles, TAGS.authors] },
  )()

/**
 * Author id → slug for a byline's authors (the article stores their names only): only published
 * authors get one, as anonymous readers may see only them (access/staffReadUsers.ts). Expires with
 * the authors' pages (a changed slug) and with what is published.
 */
export const getAuthorSlugs = cache((ids: string) =>
  unstable_cache(
    async (): Promise<[string, string][]> => {
      const wanted = ids
        .split(',')
        .filter((id) => /^\d{1,9}$/.test(id))
        .map(Number)
      const rows = await publishedAuthorSlugs(await payload(), wanted)
      return rows.map((r) => [String(r.id), r.slug])
    },
    ['author-slugs', ids],
    { tags: [TAGS.authors, TAGS.articles] },
  )().then((entries) => new Map(entries)),
)

/** The article's byline with each author's page slug, for links and the JSON-LD author url. */
export async function withAuthorSlugs<T extends { populatedAuthors?: { authorId?: string | null }[] | null }>(
  article: T,
): Promise<T> {
  const authors = article.populatedAuthors ?? []
  if (authors.length === 0) return article
  const slugs = await getAuthorSlugs(authors.map((a) => a.authorId ?? '').join(','))
  return { ...article, populatedAuthors: authors.map((a) => ({ ...a, slug: slugs.get(a.authorId ?? '') ?? null })) }
}
