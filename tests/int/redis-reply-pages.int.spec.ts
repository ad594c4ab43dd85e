import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createClient } from 'redis'

import { startRedisForCache } from '../helpers/redisCache'
import { GLOBAL } from '@/lib/sharedNames.mjs'

// #11 F11 with REDIS_URL: reply pages (/articles/<slug>/reply/<id>, one per approved comment) are
// not written to Redis, where they would be one key per comment without bound, but kept in the
// instance's memory within Next's memory bound, and dropped when a tag they carry expires, here or
// on another instance. The same rule as the file cache's (server/cache/memoryOnly.mjs). Two
// instances of the shared cache (server/cache/redisCacheHandler.mjs) in one process, on a real
// redis-server, with keys as Next 16 passes them.

const SHARED = GLOBAL.redisCache
const PAGE_COPY = GLOBAL.pageCopy
const WEBHOOK = GLOBAL.purgeWebhook
type Shared = { ready: Promise<void>; cache: { client: { quit: () => Promise<unknown> } } }
type Handler = {
  get: (key: string, ctx: object) => Promise<{ value: { html: string } } | null>
  set: (key: string, data: object, ctx: object) => Promise<void>
  revalidateTag: (tags: string[]) => Promise<void>
}
const g = globalThis as unknown as Record<symbol, unknown>

const redis = startRedisForCache()
let admin: ReturnType<typeof createClient>
const instances: Shared[] = []

beforeAll(async () => {
  admin = createClient({ url: redis.url })
  admin.on('error', () => {})
  await admin.connect()
})

afterAll(async () => {
  for (const instance of instances) await instance.cache.client.quit().catch(() => {})
  await admin?.quit().catch(() => {})
})

const key = (pathname: string) => `/route-cache/APP_PAGE/0123abcd/$${pathname}`
const page = (html: string, tags: string[]) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(`0:${html}`),
  headers: { 'x-next-cache-tags': tags.join(',') },
  status: 200,
  postponed: undefined,
  segmentData: undefined,
})
const ctx = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false }
const setCtx = { ...ctx, tags: [], cacheControl: { revalidate: false } }

async function instance(): Promise<{ shared: Shared; Handler: new (ctx?: object) => Handler }> {
  const { default: Handler, shared } = await import('../../server/cache/redisCacheHandler.mjs')
  delete g[SHARED]
  const current = shared() as unknown as Shared
  await current.ready
  instances.push(current)
  return { shared: current, Handler: Handler as unknown as new (ctx?: object) => Handler }
}

describe('reply pages with REDIS_URL', () => {
  it('stay out of Redis, in bounded memory, while article pages go to Redis', async () => {
    const purged: (string[] | undefined)[] = []
    g[PAGE_COPY] = { purge: (tags?: string[]) => purged.push(tags) }
    g[WEBHOOK] = { expire: () => {} }
    const { Handler } = await instance()

    // 30 KB of memory, 100 reply pages of about 2 KB each (HTML and RSC payload).
    const handler = new Handler({ maxMemoryCacheSize: 30_000 })
    await handler.set(key('/articles/story'), page('<p>the article</p>', ['article:story']), setCtx)
    for (let id = 1; id <= 100; id++) {
      const html = `<p>reply ${id}</p>`.padEnd(1000, ' ')
      await handler.set(key(`/articles/story/reply/${id}`), page(html, ['article:story', `comment:${id}`]), setCtx)
    }

    const stored = await admin.keys('*')
    expect(stored.some((k) => k.endsWith('$/articles/story'))).toBe(true)
    // Before: every reply page was a key of its own (and an entry of the tags hash).
    expect(stored.filter((k) => k.includes('/reply/'))).toEqual([])
    const hashes = []
    for (const k of stored) if ((await admin.type(k)) === 'hash') hashes.push(k)
    expect(hashes.length).toBeGreaterThan(0)
    for (const hash of hashes) expect((await admin.hKeys(hash)).filter((k) => k.includes('/reply/'))).toEqual([])

    // Served from memory: the latest ones; the oldest went to keep within the bound.
    expect((await handler.get(key('/articles/story/reply/100'), ctx))?.value.html).toMatch(/^<p>reply 100<\/p>/)
    expect((await handler.get(key('/articles/story/reply/90'), ctx))?.value.html).toMatch(/^<p>reply 90<\/p>/)
    expect(await handler.get(key('/articles/story/reply/80'), ctx)).toBeNull()
    expect(await handler.get(key('/articles/story/reply/1'), ctx)).toBeNull()
    expect((await handler.get(key('/articles/story'), ctx))?.value.html).toBe('<p>the article</p>')

    // An expired tag drops the reply pages that carry it.
    await handler.revalidateTag(['comment:100'])
    expect(await handler.get(key('/articles/story/reply/100'), ctx)).toBeNull()
    expect((await handler.get(key('/articles/story/reply/99'), ctx))?.value.html).toMatch(/^<p>reply 99<\/p>/)
  })

  it("another instance's expiry drops this instance's reply pages too", async () => {
    const purged: (string[] | undefined)[] = []
    g[PAGE_COPY] = { purge: (tags?: string[]) => purged.push(tags) }
    g[WEBHOOK] = { expire: () => {} }
    const a = await instance()
    const onA = new a.Handler()
    await onA.set(key('/articles/other/reply/7'), page('<p>seven</p>', ['article:other']), setCtx)
    expect((await onA.get(key('/articles/other/reply/7'), ctx))?.value.html).toBe('<p>seven</p>')

    // Instance B (now the current one) expires the article's tag; A hears of it on the channel.
    const b = await instance()
    await new b.Handler().revalidateTag(['article:other'])
    g[SHARED] = a.shared
    const until = Date.now() + 5000
    while ((await onA.get(key('/articles/other/reply/7'), ctx)) !== null && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20))
    }
    expect(await onA.get(key('/articles/other/reply/7'), ctx)).toBeNull()
    // A's page copy heard of it in the same message.
    expect(purged.filter((tags) => tags?.[0] === 'article:other').length).toBeGreaterThanOrEqual(2)
  })
})
