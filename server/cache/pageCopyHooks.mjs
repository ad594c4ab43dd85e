// The places where Next.js's cache handler (server/cache/nextCacheHandler.mjs, or
// redisCacheHandler.mjs with REDIS_URL) meets the launcher's copy of cached pages and its CDN
// headers (server/pageCache.mjs), which live in the same process, and the purge webhook.
import { readFromPrimaryForAWhile } from '../../lib/database/readRouting.mjs'
import { announceExpiry } from './purgeWebhook.mjs'
import { GLOBAL } from '../../lib/sharedNames.mjs'

const PAGE_COPY = GLOBAL.pageCopy
const REQUEST_TAGS = GLOBAL.pageCopyRequestTags
export const EXPIRE_NOW = GLOBAL.expireTagsNow

/**
 * Hands the tags of a page or route entry Next.js is about to serve to the page copy, which runs
 * the request in an AsyncLocalStorage. Data entries (unstable_cache, fetch) are ignored. Called
 * with what get() found (a HIT) and with what set() stores (a page just rendered, which Next
 * stores before it sends it).
 */
export function pageTags(entry) {
  const value = entry?.value
  if (value?.kind !== 'APP_PAGE' && value?.kind !== 'APP_ROUTE') return entry
  const store = globalThis[REQUEST_TAGS]?.getStore()
  const tags = cacheTagsOf(value)
  if (store && tags) store.tags = tags
  return entry
}

/** The tags Next.js stored with a page or route entry (its x-next-cache-tags header), if any. */
export function cacheTagsOf(value) {
  const header = value?.headers?.['x-next-cache-tags']
  return typeof header === 'string' ? header.split(',').filter(Boolean) : null
}

/**
 * Drops the pages carrying any of `tags` from this process's page copy; no tags: all of them.
 * The pages rendered next read from the primary for a moment (lib/database/readRouting.mjs), so a
 * replica that has not caught up with the change cannot put the old version back in the cache.
 */
export const purgePageCopy = (tags) => {
  readFromPrimaryForAWhile()
  return globalThis[PAGE_COPY]?.purge(tags === undefined ? undefined : [tags].flat())
}

/** What the cache handler's set() stores, handed over like a found entry. */
export const renderedTags = (data) => pageTags({ value: data })

/**
 * Tags this process expired (not those another instance expired and Redis told us about): the
 * page copy drops their pages, and the purge webhook (BYLINE_PURGE_URL) hears of them.
 */
export function expiredHere(tags) {
  const list = [tags].flat()
  purgePageCopy(list)
  announceExpiry(list)
}
