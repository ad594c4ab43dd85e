import fs from 'fs'
import os from 'os'
import path from 'path'
import { afterAll, beforeAll, expect } from 'vitest'

import { checkRedis } from '../../server/redisCheck.mjs'
import { startRedis } from '../servers/redisServer.mjs'
import { GLOBAL } from '@/lib/sharedNames.mjs'

const g = globalThis as unknown as Record<symbol, unknown>

/**
 * For tests of the shared cache (server/cache/redisCacheHandler.mjs): a throwaway redis-server as
 * REDIS_URL for this file, and, after it, the globals where the launcher would have put the page
 * copy and the purge webhook (which the tests fill in) and the cache instance, emptied again.
 */
export function startRedisForCache(): { url: string } {
  const server = { url: '' }
  const saved = process.env.REDIS_URL
  let redis: { url: string; stop: () => Promise<void> } | undefined
  beforeAll(async () => {
    redis = await startRedis({ dir: fs.mkdtempSync(path.join(os.tmpdir(), 'byline-redis-')) })
    expect(await checkRedis(redis.url)).toBeNull()
    process.env.REDIS_URL = server.url = redis.url
  }, 60_000)
  afterAll(async () => {
    for (const name of [GLOBAL.redisCache, GLOBAL.pageCopy, GLOBAL.purgeWebhook]) delete g[name]
    if (saved === undefined) delete process.env.REDIS_URL
    else process.env.REDIS_URL = saved
    await redis?.stop()
  })
  return server
}
