import http from 'http'
import type { AddressInfo } from 'net'
import { afterEach, describe, expect, it } from 'vitest'

import { createPageCache } from '../../scripts/lib/pageCache.mjs'

// The launcher's copy of cached pages, in front of a small HTTP handler that answers the way
// Next.js answers a page from its cache (x-nextjs-cache: HIT, public Cache-Control). The e2e
// tests cover it in front of the real Next.js server; these pin down its memory bound and its
// behaviour around an expiry, which are hard to reach from a browser.
type Cache = ReturnType<typeof createPageCache>
let server: http.Server | null = null
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

async function serve(cache: Cache, { delayMs = 0, hit = true } = {}) {
  let rendered = 0
  server = http.createServer((req, res) => {
    if (cache.serve(req, res)) return
    rendered++
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
    return { copy: r.headers.get('x-byline-cache') === 'HIT', body: await r.text() }
  }
  return { get, rendered: () => rendered }
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
    const { get, rendered } = await serve(cache, { delayMs: 150 })
    await get('/a')
    cache.purge()
    expect((await get('/a')).copy).toBe(false)
    const inFlight = get('/b')
    await new Promise((r) => setTimeout(r, 50))
    cache.purge()
    await inFlight
    expect((await get('/b')).copy).toBe(false)
    expect(rendered()).toBe(4)
  })
})
