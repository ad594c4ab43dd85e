// Which cache entries stay out of the shared store, for both of Next.js's cache handlers.
//
// Reply pages (/articles/<slug>/reply/<id>, one per approved comment) are as many as the comments:
// on disk (nextCacheHandler.mjs) they would be one file per comment, in Redis
// (redisCacheHandler.mjs, REDIS_URL) one key per comment, bounded by nothing either way. They stay
// in memory, which is bounded: Next's own memory layer (cacheMaxMemorySize) without Redis, the
// launcher's page copy (server/pageCache.mjs, BYLINE_PAGE_CACHE_MB) with it.
// Keys read `/route-cache/APP_PAGE/<route hash>/$/articles/<slug>/reply/<id>` in Next 16.
const REPLY_PAGE = /(^|\/\$)\/articles\/[^/]+\/reply\/[^/]+$/

/** @param {string} key a cache handler's key */
export const memoryOnly = (key) => REPLY_PAGE.test(key)
