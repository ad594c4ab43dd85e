// An in-memory copy of the public pages Next.js serves from its own cache, answered by the
// launcher's HTTP server before Next.js runs. Next.js spends about 1 ms of CPU on every cache HIT
// (routing, the proxy, its request wrappers); a copy from memory costs what a static file does.
//
// Only responses that Next.js itself served from its cache (x-nextjs-cache: HIT) with a public
// Cache-Control are kept, and only for anonymous GETs: a request that carries a staff session,
// draft mode, a cache bypass, a server action or client-router headers always goes to Next.js.
// Each copied page remembers the cache tags of the Next.js cache entry it came from (the cache
// handler, server/cache/nextCacheHandler.mjs, hands them over through REQUEST_TAGS while it serves the
// request). A tag expiry drops only the pages that carry one of the expired tags, so approving a
// comment under one article leaves every other page in the copy; BYLINE_PAGE_COPY_PURGE=all brings
// back the old purge-everything, for measuring. A request that started before an expiry of one of
// its page's tags cannot store what it got, so the copy is never staler than Next's cache.
// Answers from the copy carry `x-byline-cache: HIT`.
//
// With `surrogateKeys` (BYLINE_SURROGATE_KEYS=1) the same tags go to a CDN: every public answer to
// such a request (from the copy, or from Next.js, rendered or from its cache) whose tags are known
// carries them in `Surrogate-Key` and `Cache-Tag` (server/cache/surrogateKeys.mjs), and no other does.
import { AsyncLocalStorage } from 'node:async_hooks'

import { sharedCacheable, surrogateHeaders } from './cache/surrogateKeys.mjs'
import { GLOBAL, HEADER } from '../lib/sharedNames.mjs'

const PERSONAL_COOKIES = ['payload-token', '__prerender_bypass']
const PASS_HEADERS = [
  'x-bench-bypass',
  'next-action',
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'range',
  'authorization',
]
// Hop-by-hop or per-response headers: set afresh on every answer.
const DROPPED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'])
const SURROGATE_HEADERS = ['surrogate-key', 'cache-tag']

export const PURGE_HOOK = GLOBAL.pageCopy
/** An AsyncLocalStorage whose store ({ tags }) the cache handler fills with the served entry's tags. */
export const REQUEST_TAGS = GLOBAL.pageCopyRequestTags
// Expiries remembered per tag for requests in flight; past this many, the oldest are forgotten
// and every request that started before then is refused instead (see `expiredSince`).
const REMEMBERED_EXPIRIES = 10_000

function cookieNames(header) {
  if (!header) return []
  return header.split(';').map((part) => part.split('=', 1)[0].trim())
}

/** Whether the answer to `req` may come from, and go into, the shared copy. */
export function isShareable(req) {
  if (req.method !== 'GET') return false
  if (PASS_HEADERS.some((h) => req.headers[h] !== undefined)) return false
  if (req.url.includes('_rsc=')) return false
  const cookies = cookieNames(req.headers.cookie)
  return !PERSONAL_COOKIES.some((name) => cookies.includes(name))
}

/**
 * The copied pages by key, with an index from cache tag to the keys of the pages that carry it;
 * `cost` bounds memory (bodies, keys and tags). Least recently used first, as a Map keeps order.
 */
export function createTagIndex() {
  /** @type {Map<string, { tags: string[], cost: number } & Record<string, unknown>>} */
  const entries = new Map()
  /** @type {Map<string, Set<string>>} */
  const byTag = new Map()
  let cost = 0

  function remove(key) {
    const entry = entries.get(key)
    if (!entry) return
    entries.delete(key)
    cost -= entry.cost
    for (const tag of entry.tags) {
      const keys = byTag.get(tag)
      keys?.delete(key)
      if (keys?.size === 0) byTag.delete(tag)
    }
  }

  return {
    get: (key) => entries.get(key),
    /** Marks `key` as the most recently used. */
    touch(key) {
      const entry = entries.get(key)
      if (entry) {
        entries.delete(key)
        entries.set(key, entry)
      }
    },
    add(key, entry) {
      remove(key)
      entries.set(key, entry)
      cost += entry.cost
      for (const tag of entry.tags) {
        let keys = byTag.get(tag)
        if (!keys) byTag.set(tag, (keys = new Set()))
        keys.add(key)
      }
    },
    remove,
    /** Drops the least recently used entries until the total cost is at most `maxCost`. */
    trim(maxCost) {
      for (const key of entries.keys()) {
        if (cost <= maxCost) break
        remove(key)
      }
    },
    /** Drops every entry carrying one of `tags`; returns how many went. */
    dropTagged(tags) {
      let dropped = 0
      for (const tag of tags) {
        for (const key of [...(byTag.get(tag) ?? [])]) {
          remove(key)
          dropped++
        }
      }
      return dropped
    },
    clear() {
      entries.clear()
      byTag.clear()
      cost = 0
    },
    size: () => ({ entries: entries.size, bytes: cost, tags: byTag.size }),
  }
}

/**
 * @param {{ maxBytes: number, purge?: 'tag' | 'all', surrogateKeys?: boolean, warn?: (line: string) => void }} options
 *   maxBytes 0 turns the copy off; surrogateKeys sends the pages' tags to a CDN
 */
export function createPageCache({
  maxBytes,
  purge: mode = 'tag',
  surrogateKeys = false,
  warn = (line) => console.warn(line),
}) {
  const index = createTagIndex()
  const requestTags = new AsyncLocalStorage()
  /** response → the store its request runs with while Next.js answers it */
  const recording = new WeakMap()
  // Expiries are numbered; a request remembers the number it started at.
  let expiries = 0
  /** tag → number of its last expiry; before `forgottenBefore`, any tag may have expired. */
  const lastExpiry = new Map()
  let forgottenBefore = 0

  const keyOf = (req) => `${req.url}\n${req.headers['accept-encoding'] ?? ''}`

  /** Whether one of `tags` expired after expiry number `started`. */
  function expiredSince(started, tags) {
    if (started < forgottenBefore) return true
    return tags.some((tag) => (lastExpiry.get(tag) ?? -1) > started)
  }

  /** Drops the pages carrying any of `tags` (every page without tags, or in `all` mode). */
  function purge(tags) {
    expiries++
    const list = tags === undefined ? undefined : [tags].flat()
    if (list === undefined || mode === 'all') {
      index.clear()
      lastExpiry.clear()
      forgottenBefore = expiries
      return
    }
    for (const tag of list) {
      lastExpiry.delete(tag)
      lastExpiry.set(tag, expiries)
    }
    while (lastExpiry.size > REMEMBERED_EXPIRIES) {
      const [oldest, at] = lastExpiry.entries().next().value
      lastExpiry.delete(oldest)
      forgottenBefore = Math.max(forgottenBefore, at + 1)
    }
    index.dropTagged(list)
  }

  function store(key, entry) {
    index.remove(key)
    if (entry.cost > maxBytes) return
    index.add(key, entry)
    index.trim(maxBytes)
  }

  let warnedTooMany = false
  /** The CDN headers for a page carrying `tags` ({} when they do not fit, said once). */
  function cdnHeaders(tags, url) {
    const { headers, why } = surrogateHeaders(tags)
    if (why && !warnedTooMany) {
      warnedTooMany = true
      warn(
        `byline: ${url} carries more cache tags than Surrogate-Key holds (${why}); such pages go without it, so a CDN keeps them only for their s-maxage (said once)`,
      )
    }
    return headers ?? {}
  }

  /**
   * Adds Surrogate-Key and Cache-Tag to Next's answer just before its headers go out, when it is a
   * 200 a shared cache may keep and the cache handler named its tags (found or just rendered).
   * Not when one of those tags expired while the request ran: the purge may reach the CDN before
   * this older answer does, which the CDN would then keep; without keys it keeps it for s-maxage.
   */
  function tagHeaders(req, res, served) {
    const started = expiries
    const writeHead = res.writeHead
    res.writeHead = function (status, ...rest) {
      const given = rest.find((arg) => arg && typeof arg === 'object')
      const cacheControl =
        (given && (given['cache-control'] ?? given['Cache-Control'])) ?? this.getHeader('cache-control')
      if (
        status === 200 &&
        Array.isArray(served.tags) &&
        sharedCacheable(cacheControl) &&
        !expiredSince(started, served.tags)
      ) {
        for (const [name, value] of Object.entries(cdnHeaders(served.tags, req.url))) this.setHeader(name, value)
      }
      return writeHead.call(this, status, ...rest)
    }
  }

  /** Answers `req` from the copy and returns true, or returns false and lets Next.js answer. */
  function serve(req, res) {
    if ((maxBytes === 0 && !surrogateKeys) || !isShareable(req)) return false
    const key = keyOf(req)
    const entry = maxBytes > 0 ? index.get(key) : undefined
    if (entry) {
      index.touch(key)
      res.writeHead(entry.status, { ...entry.headers, [HEADER.pageCopy]: 'HIT', 'content-length': entry.body.length })
      res.end(entry.body)
      return true
    }
    const served = { tags: null }
    recording.set(res, served)
    if (surrogateKeys) tagHeaders(req, res, served)
    if (maxBytes > 0) record(req, res, key, served)
    return false
  }

  /**
   * Runs Next.js's handling of `req` so that the cache handler can say which tags the served page
   * carries (a store of `{ tags }` in REQUEST_TAGS).
   */
  function run(res, handle) {
    const store = recording.get(res)
    return store ? requestTags.run(store, handle) : handle()
  }

  /** Keeps a copy of what Next.js writes, if it turns out to be a shareable cache HIT. */
  function record(req, res, key, served) {
    const started = expiries
    const chunks = []
    let size = 0
    const write = res.write
    const end = res.end
    const keep = (chunk, encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > maxBytes) return
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
      chunks.push(buffer)
      size += buffer.length
    }
    res.write = function (chunk, encoding, callback) {
      keep(chunk, encoding)
      return write.call(this, chunk, encoding, callback)
    }
    res.end = function (chunk, encoding, callback) {
      keep(chunk, encoding)
      const headers = res.getHeaders()
      const tags = served.tags
      if (
        Array.isArray(tags) &&
        !expiredSince(started, tags) &&
        res.statusCode === 200 &&
        headers['x-nextjs-cache'] === 'HIT' &&
        String(headers['cache-control'] ?? '').startsWith('public') &&
        headers['set-cookie'] === undefined &&
        size <= maxBytes
      ) {
        const kept = {}
        for (const [name, value] of Object.entries(headers)) {
          if (!DROPPED.has(name) && !SURROGATE_HEADERS.includes(name)) kept[name] = value
        }
        // The copy's CDN headers come from the same tags that index it.
        if (surrogateKeys) Object.assign(kept, cdnHeaders(tags, req.url))
        const cost = size + key.length + tags.reduce((n, tag) => n + tag.length, 0)
        store(key, { status: 200, headers: kept, body: Buffer.concat(chunks), tags, cost })
      }
      return end.call(this, chunk, encoding, callback)
    }
  }

  globalThis[REQUEST_TAGS] = requestTags
  return { serve, run, purge, mode, size: () => index.size() }
}
