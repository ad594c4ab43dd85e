import { describe, expect, it } from 'vitest'

import { createClient } from 'redis'

import { startRedisForCache } from '../helpers/redisCache'
import { GLOBAL } from '@/lib/sharedNames.mjs'

// With REDIS_URL, an instance whose subscriber connection drops while its main connection stays
// up (a proxy's idle timeout, a CLIENT KILL) must not stop using Redis for good: no 'ready' event
// follows on the main connection. Two instances of the shared cache
// (server/cache/redisCacheHandler.mjs) in one process, on a real redis-server; page copies and the
// webhook are recorded where the launcher would have put them (globalThis).

const SHARED = GLOBAL.redisCache
const PAGE_COPY = GLOBAL.pageCopy
const WEBHOOK = GLOBAL.purgeWebhook
type Shared = { ready: Promise<void>; up: () => boolean; cache: { client: { quit: () => Promise<unknown> } } }
const g = globalThis as unknown as Record<symbol, unknown>

const redis = startRedisForCache()

describe('a dropped subscriber connection', () => {
  it('(the main one still up) leaves Redis in use again within seconds, hearing the other instances', async () => {
    const purged: (string[] | undefined)[] = []
    g[PAGE_COPY] = { purge: (tags?: string[]) => purged.push(tags) }
    g[WEBHOOK] = { expire: () => {} }
    const { default: Handler, shared } = await import('../../server/cache/redisCacheHandler.mjs')
    const until = async (check: () => boolean, ms: number, what: string) => {
      const end = Date.now() + ms
      while (!check()) {
        if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`)
        await new Promise((r) => setTimeout(r, 10))
      }
    }
    delete g[SHARED]
    const a = shared() as unknown as Shared
    await a.ready
    expect(a.up()).toBe(true)

    // Redis closes every subscriber connection (a proxy's idle timeout does the same); the main
    // connection stays, so no 'ready' event will say Redis is back.
    const admin = createClient({ url: redis.url })
    await admin.connect()
    expect(Number(await admin.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']))).toBeGreaterThan(0)
    await until(() => !a.up(), 2000, 'the instance notices the lost connection')
    await until(() => a.up(), 5000, 'the instance uses Redis again')
    // Expiries sent while its subscriber was away were missed: its page copy starts again.
    expect(purged).toContainEqual(undefined)

    // And it hears another instance's expiries again.
    delete g[SHARED]
    const b = shared() as unknown as Shared
    await b.ready
    purged.length = 0
    await new Handler().revalidateTag(['article:after-drop'])
    await until(() => purged.length >= 2, 5000, "A hears B's expiry")
    expect(purged).toEqual([['article:after-drop'], ['article:after-drop']])

    await admin.quit()
    for (const instance of [a, b]) await instance.cache.client.quit().catch(() => {})
  })
})
