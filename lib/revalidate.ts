import type { PayloadRequest } from 'payload'
import { revalidateTag } from 'next/cache'

import type { Article, Category, User } from '@/payload-types'
import { TAGS } from './cacheTags'
import { afterCommit } from './database/afterCommit'
import { expireRedirects } from './renamedSlugs'
import { GLOBAL } from './sharedNames.mjs'

type Slugged = Pick<Article, 'slug'> | Pick<Category, 'slug'> | Pick<User, 'slug'> | null | undefined

const slugsOf = (...docs: Slugged[]) => [...new Set(docs.map((d) => d?.slug).filter((s): s is string => Boolean(s)))]

/** The tags a change to an article touches: its page under the new and the old slug, and all lists. */
export function tagsForArticleChange(doc: Slugged, previousDoc?: Slugged): string[] {
  const slugs = new Set([doc?.slug, previousDoc?.slug].filter((s): s is string => Boolean(s)))
  return [TAGS.articles, TAGS.redirects, ...[...slugs].map(TAGS.article)]
}

export function tagsForCategoryChange(doc: Slugged, previousDoc?: Slugged): string[] {
  const slugs = new Set([doc?.slug, previousDoc?.slug].filter((s): s is string => Boolean(s)))
  // Article pages and lists print category titles, so they go stale too.
  return [TAGS.categories, TAGS.articles, ...[...slugs].map(TAGS.category)]
}

// Set by server/cache/nextCacheHandler.mjs in a Next.js server: expires tags outside a request.
const EXPIRE_NOW = GLOBAL.expireTagsNow

type Listener = (tags: string[]) => void
const listeners = new Set<Listener>()

/**
 * Calls `listener` with the tags of every expiry from now on, until the returned function is
 * called. For tests, which run outside Next.js and so cannot observe its cache.
 */
export function onTagsExpired(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Expire the tags now (not stale-while-revalidate), so the next request renders fresh data.
 * Seeds and bulk imports set req.context.disableRevalidate; outside a Next.js server (CLI,
 * tests) there is no cache to expire.
 */
export function expireTags(req: PayloadRequest, tags: string[]): void {
  if (req.context?.disableRevalidate || tags.length === 0) return
  for (const tag of tags) {
    try {
      // Inside a request Next.js only queues the tags (applied when the request ends) and tells
      // a server action's page to refresh.
      revalidateTag(tag, { expire: 0 })
    } catch (error) {
      if (!String(error).includes('static generation store missing')) throw error
    }
  }
  // And expire them in Next's cache (this instance's and, through Redis, every other's) as soon
  // as the change is committed: earlier, a reader's request could cache the old version again
  // (lib/database/afterCommit.ts). A job run by the queue's timer has no request of its own; its
  // timer may even carry a long-finished request's context, whose queue nobody applies any more,
  // so revalidateTag alone would lose the expiry of a scheduled article.
  afterCommit(req, () => {
    void (globalThis as { [EXPIRE_NOW]?: (tags: string[]) => Promise<void> })[EXPIRE_NOW]?.(tags)
    for (const listener of listeners) listener(tags)
    req.payload.logger.debug({ msg: 'revalidated', tags })
  })
}

export const revalidateArticle = (req: PayloadRequest, doc: Slugged, previousDoc?: Slugged) => {
  afterCommit(req, expireRedirects)
  expireTags(req, tagsForArticleChange(doc, previousDoc))
}

export const revalidateCategory = (req: PayloadRequest, doc: Slugged, previousDoc?: Slugged) =>
  expireTags(req, tagsForCategoryChange(doc, previousDoc))

export const revalidateComments = (req: PayloadRequest, articleId: number | string) =>
  expireTags(req, [TAGS.comments(articleId), TAGS.commentFeed])

export const revalidateAllComments = (req: PayloadRequest) => expireTags(req, [TAGS.allComments, TAGS.discussion])

/** An author's profile changed: their page under the new and the old slug. */
export const revalidateAuthor = (req: PayloadRequest, doc: Slugged, previousDoc?: Slugged) =>
  expireTags(req, [TAGS.authors, ...slugsOf(doc, previousDoc).map(TAGS.author)])
/** The Site global (menu, footer, icons): every page shows some of it. */
export const revalidateSite = (req: PayloadRequest) => expireTags(req, [TAGS.site])

/**
 * Every page and list: each page carries `site` (its header reads the Site global), and the
 * feeds, sitemap and redirect map carry the list tags. Returns how many tags were expired.
 */
export function expireEverything(req: PayloadRequest): number {
  const tags = [
    TAGS.site,
    TAGS.articles,
    TAGS.categories,
    TAGS.authors,
    TAGS.pages,
    TAGS.redirects,
    TAGS.commentFeed,
    TAGS.allComments,
    TAGS.discussion,
  ]
  afterCommit(req, expireRedirects)
  expireTags(req, tags)
  return tags.length
}
