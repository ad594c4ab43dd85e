// Next.js's incremental cache (pages, route handlers, unstable_cache data) in Redis, shared by
// every app instance, when REDIS_URL is set (next.config.mjs picks this file instead of
// nextCacheHandler.mjs). The storage, tag expiry and the sync between instances are
// @trieb.work/nextjs-turbo-redis-cache's; this file adds what Byline needs around it:
//
// - The launcher's copy of cached pages (server/pageCache.mjs) learns each served page's tags,
//   and every instance drops the pages of an expired tag: the instance that expires them at once,
//   the others through the Redis channel `byline:tags-expired`.
// - Redis lost while running: pages are still served (the page copy, else Next renders them), one
//   line is logged when the outage starts and one when it ends (the library's own line for each
//   command that failed meanwhile is dropped); tags expired meanwhile are expired
//   in Redis once it is back, and each instance then empties its page copy, which may have missed
//   another instance's expiries. Tags expired before the first connection is ready wait the same way.
// - A job worker (server/worker.ts) expires tags through the same code (EXPIRE_NOW).
// - Reply pages are kept in this instance's memory, bounded like Next's own memory layer, not in
//   Redis (./memoryOnly.mjs); an expired tag drops them like the page copy's pages.
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { RedisStringsHandler } from '@trieb.work/nextjs-turbo-redis-cache'

import { createTagIndex } from '../pageCache.mjs'
import { memoryOnly } from './memoryOnly.mjs'
import { cacheTagsOf, EXPIRE_NOW, expiredHere, pageTags, purgePageCopy, renderedTags } from './pageCopyHooks.mjs'
import { nextDistDir, redisUrl } from '../../lib/env.mjs'
import { GLOBAL } from '../../lib/sharedNames.mjs'

const SHARED = GLOBAL.redisCache
export const TAGS_CHANNEL = 'byline:tags-expired'

/** Keys are per build: another build's pages point at scripts this build does not have. */
export function keyPrefix() {
  const file = path.join(process.cwd(), nextDistDir(), 'BUILD_ID')
  const build = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : 'unbuilt'
  return `byline:${build}:`
}

function createShared() {
  const instance = randomUUID()
  const cache = new RedisStringsHandler({
    redisUrl: redisUrl(),
    database: 0,
    keyPrefix: keyPrefix(),
    // The page copy is the in-memory layer; a second one could serve a page for a moment after
    // another instance expired it.
    inMemoryCachingTime: 0,
    getTimeoutMs: 500,
    killContainerOnErrorThreshold: 0,
  })
  const client = cache.client
  const pending = new Set()
  let down = false
  // Reply pages (./memoryOnly.mjs), by key, with their tags; dropped with the page copy's pages.
  const memory = createTagIndex()
  const purgeHere = (tags) => {
    if (tags === undefined) memory.clear()
    else memory.dropTagged(tags)
    purgePageCopy(tags)
  }

  const lost = (error) => {
    if (down) return
    down = true
    console.error(
      `byline: lost Redis (REDIS_URL): ${error?.message || error}; serving pages from memory or by rendering until it is back`,
    )
    // A subscriber's connection may drop while the main one stays up (then no 'ready' follows):
    // look again in a second rather than bypass Redis for good.
    setTimeout(() => {
      if (down && client.isReady) back()
    }, 1000).unref()
  }
  muteLibraryOutageLines(() => down, lost)
  // Replaces the library's listeners, which log every failed reconnection attempt.
  const quiet = (redis) => {
    redis.removeAllListeners('error')
    redis.on('error', lost)
  }
  quiet(client)
  // 'ready' also ends the first connection: tags expired before it (the instance's first
  // request, a publish, arrived first) waited in `pending` like an outage's, and were lost.
  async function back() {
    if (down) {
      down = false
      console.log('byline: Redis is back')
      // Expiries other instances sent meanwhile were missed: the page copy and the reply pages
      // start again, and the library's lists of keys and expired tags are read again from Redis.
      purgeHere()
      for (const map of [cache.sharedTagsMap, cache.revalidatedTagsMap]) map.initialSync().catch(lost)
    }
    const tags = [...pending]
    pending.clear()
    if (tags.length) await expire(tags)
  }
  client.on('ready', back)

  const subscriber = client.duplicate()
  quiet(subscriber)
  const subscribed = subscriber.connect().then(() =>
    subscriber.subscribe(TAGS_CHANNEL, (message) => {
      const { from, tags } = JSON.parse(message)
      if (from === instance) return
      purgeHere(tags)
      // The proxy's list of renamed slugs (lib/renamedSlugs.ts) reloads now rather than within 5 s.
      const redirects = globalThis[GLOBAL.renamedSlugs]
      if (redirects && tags.includes('redirects')) redirects.loadedAt = 0
    }),
  )
  // The library's own subscribers reconnect by themselves (node-redis resubscribes); keep them quiet.
  const ready = Promise.all([
    subscribed,
    ...[cache.sharedTagsMap, cache.revalidatedTagsMap].map((map) => map.waitUntilReady()),
  ]).then(() => {
    for (const map of [cache.sharedTagsMap, cache.revalidatedTagsMap, cache.inMemoryDeduplicationCache])
      quiet(map.subscriberClient)
  })

  async function expire(tags) {
    if (down || !client.isReady) {
      for (const tag of tags) pending.add(tag)
      return
    }
    try {
      await cache.revalidateTag(tags)
      await client.publish(TAGS_CHANNEL, JSON.stringify({ from: instance, tags }))
    } catch (error) {
      for (const tag of tags) pending.add(tag)
      lost(error)
    }
  }

  return {
    ready,
    up: () => !down && client.isReady,
    cache,
    memory,
    expire,
  }
}

// What the library prints (console.error) for each command that fails: every get, set and tag
// expiry in flight when Redis goes away, and each reconnection attempt. Those lines are dropped
// while Redis is down, or when their error is a lost connection (which `lost` then reports once
// per outage); any other error of the library's still reaches the log.
const LIBRARY_LINES = [
  'Redis command error',
  'Redis client error',
  'RedisStringsHandler',
  'Subscriber reconnect attempt',
  'Subscriber client error',
  'Failed to reconnect Redis client',
  'Failed to connect subscriber client',
  'Failed to connect Redis client',
  'Error occurred while unlinking stale data',
  'Error during periodic resync',
  'Error during initial sync',
  'Error setting up pub/sub client',
  'Error during cleanup of keys not in Redis',
]
const CONNECTION_ERROR =
  /ClientClosedError|client is closed|Socket closed|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection timeout|connect timeout|timed out|Redis get timeout/i

export function isLibraryOutageLine(args, down) {
  const [first] = args
  if (typeof first !== 'string' || !LIBRARY_LINES.some((prefix) => first.startsWith(prefix))) return false
  if (down) return true
  return args.some(
    (arg) => arg instanceof Error && (CONNECTION_ERROR.test(arg.name) || CONNECTION_ERROR.test(arg.message)),
  )
}

function muteLibraryOutageLines(isDown, lost) {
  const print = console.error
  console.error = (...args) => {
    if (!isLibraryOutageLine(args, isDown())) return print(...args)
    lost(args.find((arg) => arg instanceof Error))
  }
}

export function shared() {
  return (globalThis[SHARED] ??= createShared())
}

/** What a cache entry holds in memory, roughly: its bodies, key and tags. */
function entryCost(key, data, tags) {
  let bytes = key.length + tags.reduce((n, tag) => n + tag.length, 0)
  for (const part of [data?.html, data?.rscData, data?.body, ...(data?.segmentData?.values() ?? [])]) {
    if (typeof part === 'string') bytes += Buffer.byteLength(part)
    else if (part?.length) bytes += part.length
  }
  return bytes
}

export default class BylineRedisCacheHandler {
  /** @param {{ maxMemoryCacheSize?: number }} [ctx] Next's options; its memory bound holds the reply pages. */
  constructor(ctx) {
    this.memoryBytes = ctx?.maxMemoryCacheSize || 50 * 1024 * 1024
  }

  async get(key, ctx) {
    const redis = shared()
    if (memoryOnly(key)) {
      redis.memory.touch(key)
      return pageTags(redis.memory.get(key)?.entry ?? null)
    }
    if (!redis.up()) return null
    return pageTags(await redis.cache.get(key, ctx))
  }

  async set(key, data, ctx) {
    renderedTags(data)
    const redis = shared()
    if (memoryOnly(key)) {
      if (!data) return redis.memory.remove(key)
      const tags = cacheTagsOf(data) ?? []
      const cost = entryCost(key, data, tags)
      if (cost > this.memoryBytes) return
      redis.memory.add(key, { entry: { lastModified: Date.now(), tags, value: data }, tags, cost })
      return redis.memory.trim(this.memoryBytes)
    }
    if (!redis.up()) return
    await redis.cache.set(key, data, ctx).catch(() => {})
  }

  async revalidateTag(tags) {
    const list = [tags].flat()
    // This instance's copy and the purge webhook; the others hear of it through TAGS_CHANNEL and
    // only drop their copies (one webhook call per expiry, not one per instance).
    const redis = shared()
    redis.memory.dropTagged(list)
    expiredHere(list)
    await redis.expire(list)
  }

  resetRequestCache() {}
}

globalThis[EXPIRE_NOW] = (tags) => new BylineRedisCacheHandler().revalidateTag(tags)
