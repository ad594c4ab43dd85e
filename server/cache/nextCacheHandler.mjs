// Next.js's own cache handler (its file-system cache with the in-memory layer), extended at the
// one place where Next.js actually expires tags. Loaded by Next.js through `cacheHandler` in
// next.config.mjs, in the server's own process (redisCacheHandler.mjs instead with REDIS_URL).
//
// - Drops the pages of the expired tags from the launcher's copy of cached pages
//   (server/pageCache.mjs), so that copy is never staler than this cache. Inside a request,
//   revalidateTag only queues the tags, and Next.js expires them here when the request ends.
// - Tells the copy which tags the page it is serving carries (found or just rendered), which the
//   launcher also sends to a CDN (BYLINE_SURROGATE_KEYS), and calls the purge webhook
//   (BYLINE_PURGE_URL) with the tags this process expires.
// - Gives lib/revalidate.ts a way to expire tags at once, also where Next.js's revalidateTag
//   would not (a scheduled article's job, run by the job queue's timer).
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js'

import { memoryOnly } from './memoryOnly.mjs'
import { EXPIRE_NOW, expiredHere, pageTags, renderedTags } from './pageCopyHooks.mjs'

const FileSystemCache = fileSystemCache.default ?? fileSystemCache

export default class BylineCacheHandler extends FileSystemCache {
  async set(key, data, ctx) {
    renderedTags(data)
    if (!memoryOnly(key)) return super.set(key, data, ctx)
    // Reply pages stay in the memory layer, not on disk (./memoryOnly.mjs). Set's check of
    // flushToDisk runs before its first await, so switching it around the call is enough.
    const flush = this.flushToDisk
    this.flushToDisk = false
    const done = super.set(key, data, ctx)
    this.flushToDisk = flush
    return done
  }

  async get(...args) {
    return pageTags(await super.get(...args))
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations)
    expiredHere(tags)
  }
}

// No durations: expired at once, the same as revalidateTag(tag, { expire: 0 }).
globalThis[EXPIRE_NOW] = (tags) => new BylineCacheHandler({}).revalidateTag(tags)
