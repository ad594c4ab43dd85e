import { describe, expect, it } from 'vitest'

import { startRedisForCache } from '../helpers/redisCache'
import { GLOBAL } from '@/lib/sharedNames.mjs'

// With REDIS_URL, a tag expiry reaches every instance (its page copy) through the channel
// byline:tags-expired, but only the instance that expired it calls the purge webhook. Two
// instances of the shared cache (server/cache/redisCacheHandler.mjs) in one process, on a real
// redis-server; each instance's page copy and the webhook are recorded where the launcher would
// have put them (globalThis).

const SHARED = GLOBAL.redisCache
const PAGE_COPY = GLOBAL.pageCopy
const WEBHOOK = GLOBAL.purgeWebhook
type Shared = { ready: Promise<void>; cache: { client: { quit: () => Promise<unknown> } } }
const g = globalThis as unknown as Record<symbol, unknown>

startRedisForCache()

describe('the purge webhook with REDIS_URL', () => {
  it('is called once, by the instance that expired the tags; the other only drops its page copy', async () => {
    const purged: string[][] = []
    const called: string[][] = []
    g[PAGE_COPY] = { purge: (tags: string[]) => purged.push(tags) }
    g[WEBHOOK] = { expire: (tags: string[]) => called.push(tags) }
    const { default: Handler, shared } = await import('../../server/cache/redisCacheHandler.mjs')

    // Instance A, then instance B (the handler uses whichever is current: B).
    const a = shared() as unknown as Shared
    await a.ready
    delete g[SHARED]
    const b = shared() as unknown as Shared
    await b.ready

    await new Handler().revalidateTag(['article:x', 'articles'])
    // B's own copy at once; A's when the message arrives.
    const until = Date.now() + 5000
    while (purged.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 20))
    expect(purged).toEqual([
      ['article:x', 'articles'],
      ['article:x', 'articles'],
    ])
    // Give any second webhook call time to show up.
    await new Promise((r) => setTimeout(r, 200))
    expect(called).toEqual([['article:x', 'articles']])

    for (const instance of [a, b]) await instance.cache.client.quit().catch(() => {})
  })
})
