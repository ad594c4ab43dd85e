import http from 'http'
import type { AddressInfo } from 'net'
import { afterEach, describe, expect, it } from 'vitest'

import { pageTags } from '../../server/cache/pageCopyHooks.mjs'
import { purgeMode } from '../../lib/env.mjs'
import { createPageCache, createTagIndex } from '../../server/pageCache.mjs'

// The launcher's copy of cached pages, in front of a small HTTP handler that answers the way
// Next.js answers a page from its cache (x-nextjs-cache: HIT, public Cache-Control). The e2e
// tests cover it in front of the real Next.js server; these pin down its memory bound and its
// behaviour around an expiry, which are hard to reach from a browser.
type Cache = ReturnType<typeof createPageCache>
let server: http.Server | null = null
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

// The tags of each path's cache entry, as Next.js's cache handler would find them.
const TAGS: Record<string, string[]> = {
  '/articles/a': ['_N_T_/layout', 'article:a', 'comments:1', 'articles'],
  '/articles/b': ['_N_T_/layout', 'article:b', 'comments:2', 'articles'],
  '/': ['_N_T_/layout', 'articles'],
  '/feed.xml': ['articles'],
}

async function serve(cache: Cache, { delayMs = 0, hit = true } = {}) {
  let rendered = 0
  const onRender: (() => void)[] = []
  server = http.createServer((req, res) => {
    if (cache.serve(req, res)) return
    rendered++
    onRender.shift()?.()
    // The cache handler's get() runs inside the request, as in Next.js.
    void cache.run(res, async () => {
      await new Promise((r) => setTimeout(r, 1))
      pageTags({
        value: { kind: 'APP_PAGE', headers: { 'x-next-cache-tags': (TAGS[req.url!] ?? ['misc']).join(',') } },
      })
    })
    setTimeout(() => {
      res.setHeader('cache-control', 'public, max-age=0, s-maxage=60')
      if (hit) res.setHeader('x-nextjs-cache', 'HIT')
      res.setHeader('content-type', 'text/html')
      res.write(`<p>${req.url}`)
      res.end(` rendered ${rendered}</p>`.padEnd(90, '.'))
    }, delayMs)
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const r = await fetch(base + path, { headers: { 'accept-encoding': 'identity', ...headers } })
    expect(r.status).toBe(200)
    return { copy: r.headers.get('x-byline-cache') === 'HIT', body: await r.text() }
  }
  /** Resolves when the server starts answering the next request it does not answer from the copy. */
  const nextRender = () => new Promise<void>((resolve) => onRender.push(resolve))
  return { get, rendered: () => rendered, nextRender }
}

describe('the page copy', () => {
  it('answers a repeat request itself, with the same bytes', async () => {
    const cache = createPageCache({ maxBytes: 10_000 })
    const { get, rendered } = await serve(cache)
    const first = await get('/a')
    const second = await get('/a')
    expect(first.copy).toBe(false)
    expect(second).toEqual({ copy: true, body: first.body })
    expect(rendered()).toBe(1)
  })

  it('keeps only what Next.js served from its cache', async () => {
    const cache = createPageCache({ maxBytes: 10_000 })
    const { get, rendered } = await serve(cache, { hit: false })
    await get('/a')
    expect((await get('/a')).copy).toBe(false)
    expect(rendered()).toBe(2)
  })

  it('never serves or stores requests with a staff session, draft mode or RSC headers', async () => {
    const cache = createPageCache({ maxBytes: 10_000 })
    const { get } = await serve(cache)
    await get('/a')
    expect((await get('/a', { cookie: 'theme=dark; payload-token=abc' })).copy).toBe(false)
    expect((await get('/a', { cookie: '__prerender_bypass=1' })).copy).toBe(false)
    expect((await get('/a', { rsc: '1' })).copy).toBe(false)
    expect((await get('/a', { cookie: 'theme=dark' })).copy).toBe(true)
  })

  it('stays within its memory bound, dropping the least recently used page first', async () => {
    const cache = createPageCache({ maxBytes: 250 })
    const { get } = await serve(cache)
    for (const path of ['/a', '/b']) await get(path)
    expect((await get('/a')).copy).toBe(true)
    await get('/c')
    expect(cache.size().bytes).toBeLessThanOrEqual(250)
    expect((await get('/a')).copy).toBe(true)
    expect((await get('/c')).copy).toBe(true)
    expect((await get('/b')).copy).toBe(false)
  })

  it('a purge empties it, and a request in flight at the purge cannot store its older answer', async () => {
    const cache = createPageCache({ maxBytes: 10_000 })
    const { get, rendered, nextRender } = await serve(cache, { delayMs: 150 })
    await get('/a')
    cache.purge()
    expect((await get('/a')).copy).toBe(false)
    const started = nextRender()
    const inFlight = get('/b')
    await started
    cache.purge()
    await inFlight
    expect((await get('/b')).copy).toBe(false)
    expect(rendered()).toBe(4)
  })

  it('a tag expiry drops only the pages carrying that tag: [a, b] goes with a or with b, stays with c', async () => {
    const cache = createPageCache({ maxBytes: 10_000 })
    const { get } = await serve(cache)
    const paths = ['/articles/a', '/articles/b', '/', '/feed.xml']
    const copied = async () => {
      const kept = []
      for (const path of paths) if ((await get(path)).copy) kept.push(path)
      return kept
    }
    for (const path of paths) await get(path)
    expect(await copied()).toEqual(paths)

    cache.purge(['comments:1'])
    expect(await copied()).toEqual(['/articles/b', '/', '/feed.xml'])
    expect(await copied()).toEqual(paths)
    cache.purge(['article:b'])
    expect(await copied()).toEqual(['/articles/a', '/', '/feed.xml'])
    cache.purge(['category:news'])
    expect(await copied()).toEqual(paths)
    cache.purge(['articles'])
    expect(await copied()).toEqual([])
  })

  it("a request in flight at an expiry of its own page's tag cannot store it; one of another tag can", async () => {
    const cache = createPageCache({ maxBytes: 10_000 })
    const { get, nextRender } = await serve(cache, { delayMs: 150 })
    const started = Promise.all([nextRender(), nextRender()])
    const own = get('/articles/a')
    const other = get('/articles/b')
    await started
    cache.purge(['comments:1'])
    await Promise.all([own, other])
    expect((await get('/articles/b')).copy).toBe(true)
    expect((await get('/articles/a')).copy).toBe(false)
  })

  it('BYLINE_PAGE_COPY_PURGE=all empties the whole copy on any expiry, as before', async () => {
    expect(purgeMode(undefined)).toBe('tag')
    expect(purgeMode('all')).toBe('all')
    expect(() => purgeMode('some')).toThrow('BYLINE_PAGE_COPY_PURGE must be "tag" or "all"')
    const cache = createPageCache({ maxBytes: 10_000, purge: 'all' })
    const { get } = await serve(cache)
    for (const path of ['/articles/a', '/articles/b']) await get(path)
    expect((await get('/articles/b')).copy).toBe(true)
    cache.purge(['comments:1'])
    expect((await get('/articles/b')).copy).toBe(false)
  })

  it('a page whose tags the cache handler did not name is not copied', async () => {
    const cache = createPageCache({ maxBytes: 10_000 })
    let served = 0
    server = http.createServer((req, res) => {
      if (cache.serve(req, res)) return
      served++
      res.setHeader('cache-control', 'public, max-age=0, s-maxage=60')
      res.setHeader('x-nextjs-cache', 'HIT')
      res.end('no tags')
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/x`
    for (let i = 0; i < 3; i++) expect((await fetch(url)).status).toBe(200)
    expect(served).toBe(3)
    expect(cache.size().entries).toBe(0)
  })
})

describe('the tag index', () => {
  const entry = (tags: string[], cost = 10) => ({ tags, cost })

  it.each([
    ['a', ['k2']],
    ['b', ['k2']],
    ['c', ['k1']],
  ])('expiring %s leaves %j of a page tagged [a, b] (k1) and one tagged [c] (k2)', (tag, left) => {
    const index = createTagIndex()
    index.add('k1', entry(['a', 'b']))
    index.add('k2', entry(['c']))
    const before = index.size()
    expect(before.entries).toBe(2)
    index.dropTagged([tag])
    expect(['k1', 'k2'].filter((k) => index.get(k))).toEqual(left)
  })

  it('forgets the tags of dropped and evicted pages, and stays within its bound', () => {
    const index = createTagIndex()
    for (let i = 0; i < 100; i++) {
      index.add(`k${i}`, entry([`article:${i}`, 'articles'], 100))
      index.trim(1_000)
    }
    expect(index.size()).toEqual({ entries: 10, bytes: 1_000, tags: 11 })
    expect(index.get('k99')).toBeTruthy()
    expect(index.get('k89')).toBeUndefined()
    expect(index.dropTagged(['articles'])).toBe(10)
    expect(index.size()).toEqual({ entries: 0, bytes: 0, tags: 0 })
  })
})
