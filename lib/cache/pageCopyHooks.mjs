// The two places where Next.js's cache handler (lib/cache/nextCacheHandler.mjs, or
// redisCacheHandler.mjs with REDIS_URL) meets the launcher's copy of cached pages
// (scripts/lib/pageCache.mjs), which lives in the same process.
import { readFromPrimaryForAWhile } from '../database/readRouting.mjs'

const PAGE_COPY = Symbol.for('byline.pageCache')
const REQUEST_TAGS = Symbol.for('byline.pageCache.requestTags')
export const EXPIRE_NOW = Symbol.for('byline.expireTagsNow')

/**
 * Hands the tags of a page or route entry Next.js is about to serve to the page copy, which runs
 * the request in an AsyncLocalStorage. Data entries (unstable_cache, fetch) are ignored.
 */
export function pageTags(entry) {
  const value = entry?.value
  if (value?.kind !== 'APP_PAGE' && value?.kind !== 'APP_ROUTE') return entry
  const store = globalThis[REQUEST_TAGS]?.getStore()
  const header = value.headers?.['x-next-cache-tags']
  if (store && typeof header === 'string') store.tags = header.split(',').filter(Boolean)
  return entry
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
