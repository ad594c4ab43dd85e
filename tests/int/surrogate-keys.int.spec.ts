import http from 'http'
import type { AddressInfo } from 'net'
import { afterEach, describe, expect, it } from 'vitest'

import { surrogateKeysEnabled } from '../../lib/env.mjs'
import { pageTags, renderedTags } from '../../server/cache/pageCopyHooks.mjs'
import {
  cdnKeys,
  encodeTag,
  MAX_HEADER_BYTES,
  MAX_TAG_BYTES,
  MAX_TAGS,
  sharedCacheable,
  surrogateHeaders,
} from '../../server/cache/surrogateKeys.mjs'
import { createPageCache } from '../../server/pageCache.mjs'

// The CDN headers (BYLINE_SURROGATE_KEYS): their spelling and bounds, and the launcher's page copy
// adding them in front of a small HTTP handler that answers the way Next.js does (a first render
// stored through the cache handler's set(), then HITs found through get()). The e2e test
// (tests/e2e/cdn.e2e.spec.ts) checks them on the real production server.

describe('the tags as CDN keys', () => {
  it('keeps safe tags as they are and percent-encodes every other byte, so keys are header tokens', () => {
    expect(encodeTag('article:my-story')).toBe('article:my-story')
    expect(encodeTag('page:/about/team/')).toBe('page:/about/team/')
    expect(encodeTag('comments:42')).toBe('comments:42')
    expect(encodeTag('page:/a b,c/')).toBe('page:/a%20b%2Cc/')
    expect(encodeTag('tag:"x";\r\n')).toBe('tag:%22x%22%3B%0D%0A')
    expect(encodeTag('café')).toBe('caf%C3%A9')
    // `%` itself is encoded, so a tag that looks encoded cannot meet the tag it would decode to.
    expect(encodeTag('a%20b')).toBe('a%2520b')
    expect(encodeTag('a%20b')).not.toBe(encodeTag('a b'))
    for (const key of cdnKeys(['page:/a b/', 'x,y', 'ünï\tcode', '"quoted"']))
      expect(key).toMatch(/^[A-Za-z0-9\-._~:/@+=%]+$/)
  })

  it('leaves out Next.js implicit tags, duplicates and empty tags', () => {
    expect(cdnKeys(['_N_T_/layout', 'article:a', '', 'article:a', '_N_T_/articles/a', 'articles'])).toEqual([
      'article:a',
      'articles',
    ])
  })

  it('formats Surrogate-Key space-separated and Cache-Tag comma-separated', () => {
    const { headers } = surrogateHeaders(['_N_T_/layout', 'article:a', 'comments:1', 'articles', 'page:/a b/'])
    expect(headers).toEqual({
      'surrogate-key': 'article:a comments:1 articles page:/a%20b/',
      'cache-tag': 'article:a,comments:1,articles,page:/a%20b/',
    })
    expect(surrogateHeaders(['_N_T_/layout']).headers).toBeNull()
    expect(surrogateHeaders([]).headers).toBeNull()
  })

  it(`sends all of a page's tags or none: at most ${MAX_TAGS} tags of ${MAX_TAG_BYTES} bytes, ${MAX_HEADER_BYTES} bytes a header`, () => {
    const many = (n: number, width = 4) => Array.from({ length: n }, (_, i) => `t${String(i).padStart(width, '0')}`)
    expect(surrogateHeaders(many(MAX_TAGS)).headers?.['surrogate-key'].split(' ')).toHaveLength(MAX_TAGS)
    expect(surrogateHeaders(many(MAX_TAGS + 1))).toEqual({
      headers: null,
      why: `${MAX_TAGS + 1} tags (at most ${MAX_TAGS})`,
    })

    const longest = `article:${'x'.repeat(MAX_TAG_BYTES - 8)}`
    expect(surrogateHeaders([longest]).headers?.['surrogate-key']).toBe(longest)
    expect(surrogateHeaders([`${longest}x`, 'articles']).why).toBe(
      `a tag of ${MAX_TAG_BYTES + 1} bytes (at most ${MAX_TAG_BYTES})`,
    )
    // Encoding counts: 67 spaces become 201 bytes.
    expect(surrogateHeaders([' '.repeat(67)]).headers).toBeNull()

    const wide = Array.from({ length: 6 }, (_, i) => `${i}`.padEnd(150, 'x'))
    expect(surrogateHeaders(wide).headers).not.toBeNull()
    const tooWide = [...wide, 'y'.padEnd(150, 'y')]
    expect(surrogateHeaders(tooWide)).toEqual({
      headers: null,
      why: `${7 * 150 + 6} bytes of tags (at most ${MAX_HEADER_BYTES})`,
    })
  })

  it('BYLINE_SURROGATE_KEYS is off unless it is 1, and refuses anything but 1 or 0', () => {
    expect(surrogateKeysEnabled(undefined)).toBe(false)
    expect(surrogateKeysEnabled('')).toBe(false)
    expect(surrogateKeysEnabled('0')).toBe(false)
    expect(surrogateKeysEnabled(' 1 ')).toBe(true)
    expect(() => surrogateKeysEnabled('yes')).toThrow('BYLINE_SURROGATE_KEYS must be 1')
  })

  it('counts as shared-cacheable only what a CDN may keep', () => {
    expect(sharedCacheable('public, max-age=0, s-maxage=60, stale-while-revalidate=300')).toBe(true)
    expect(sharedCacheable('s-maxage=31536000')).toBe(true)
    expect(sharedCacheable('private, no-store')).toBe(false)
    expect(sharedCacheable('private, no-cache, no-store, max-age=0, must-revalidate')).toBe(false)
    expect(sharedCacheable('public, no-store')).toBe(false)
    expect(sharedCacheable(undefined)).toBe(false)
  })
})

// A stand-in for Next.js behind the launcher: the first GET of a path renders it (the cache
// handler's set() sees its tags) and answers MISS, later GETs find it (get()) and answer HIT.
// Requests with a staff session or a server action get `private, no-store`, as next.config.mjs
// sends them; Next's cache handler is still consulted for them.
const TAGS: Record<string, string[]> = {
  '/articles/a': ['_N_T_/layout', '_N_T_/articles/a', 'article:a', 'comments:1', 'articles', 'site'],
  '/': ['_N_T_/layout', 'articles', 'site'],
  '/too-many': Array.from({ length: MAX_TAGS + 1 }, (_, i) => `tag:${i}`),
}
let server: http.Server | null = null
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

async function launcher(cache: ReturnType<typeof createPageCache>, { delayMs = 0, onTags = () => {} } = {}) {
  const stored = new Set<string>()
  server = http.createServer((req, res) => {
    if (cache.serve(req, res)) return
    void cache.run(res, async () => {
      const path = req.url!.split('?')[0]
      const entry = { kind: 'APP_PAGE', headers: { 'x-next-cache-tags': (TAGS[path] ?? ['misc']).join(',') } }
      await new Promise((r) => setTimeout(r, 1))
      const hit = stored.has(path)
      if (hit) pageTags({ value: entry })
      else {
        renderedTags(entry)
        stored.add(path)
      }
      onTags()
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs))
      const personal = /payload-token/.test(req.headers.cookie ?? '') || req.method !== 'GET'
      res.setHeader(
        'cache-control',
        personal ? 'private, no-store' : 'public, max-age=0, s-maxage=60, stale-while-revalidate=300',
      )
      res.setHeader('x-nextjs-cache', hit ? 'HIT' : 'MISS')
      res.setHeader('content-type', 'text/html')
      res.end(`<p>${path}</p>`)
    })
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
  return async (path: string, init: RequestInit = {}) => {
    const r = await fetch(base + path, { ...init, headers: { 'accept-encoding': 'identity', ...(init.headers ?? {}) } })
    expect(r.status).toBe(200)
    await r.text()
    return {
      from: r.headers.get('x-byline-cache') === 'HIT' ? 'copy' : `next ${r.headers.get('x-nextjs-cache')}`,
      surrogateKey: r.headers.get('surrogate-key'),
      cacheTag: r.headers.get('cache-tag'),
    }
  }
}

const ARTICLE_KEYS = {
  surrogateKey: 'article:a comments:1 articles site',
  cacheTag: 'article:a,comments:1,articles,site',
}

describe('the launcher with BYLINE_SURROGATE_KEYS=1', () => {
  it('sends the tags on the first render, on Next.js cache HITs and from the page copy', async () => {
    const get = await launcher(createPageCache({ maxBytes: 100_000, surrogateKeys: true }))
    expect(await get('/articles/a')).toEqual({ from: 'next MISS', ...ARTICLE_KEYS })
    expect(await get('/articles/a')).toEqual({ from: 'next HIT', ...ARTICLE_KEYS })
    expect(await get('/articles/a')).toEqual({ from: 'copy', ...ARTICLE_KEYS })
    expect(await get('/articles/a')).toEqual({ from: 'copy', ...ARTICLE_KEYS })
    expect(await get('/')).toEqual({ from: 'next MISS', surrogateKey: 'articles site', cacheTag: 'articles,site' })
  })

  it('sends them with the page copy off too', async () => {
    const get = await launcher(createPageCache({ maxBytes: 0, surrogateKeys: true }))
    expect(await get('/articles/a')).toEqual({ from: 'next MISS', ...ARTICLE_KEYS })
    expect(await get('/articles/a')).toEqual({ from: 'next HIT', ...ARTICLE_KEYS })
  })

  it('never on a personal answer: a staff session, draft mode, a server action or a POST', async () => {
    const get = await launcher(createPageCache({ maxBytes: 100_000, surrogateKeys: true }))
    expect((await get('/articles/a')).surrogateKey).toBe(ARTICLE_KEYS.surrogateKey)
    expect((await get('/articles/a')).surrogateKey).toBe(ARTICLE_KEYS.surrogateKey)
    const none = { surrogateKey: null, cacheTag: null }
    expect(await get('/articles/a', { headers: { cookie: 'payload-token=abc' } })).toEqual({
      from: 'next HIT',
      ...none,
    })
    expect(await get('/articles/a', { headers: { cookie: '__prerender_bypass=1' } })).toMatchObject({
      from: 'next HIT',
      ...none,
    })
    expect(await get('/articles/a', { headers: { 'next-action': 'abc' } })).toMatchObject({ from: 'next HIT', ...none })
    expect(await get('/articles/a', { method: 'POST', body: 'x' })).toEqual({ from: 'next HIT', ...none })
    // And the shared answer still carries them afterwards.
    expect(await get('/articles/a')).toEqual({ from: 'copy', ...ARTICLE_KEYS })
  })

  it('not on an answer one of whose tags expired while it was made (the purge may reach the CDN first)', async () => {
    const cache = createPageCache({ maxBytes: 0, surrogateKeys: true })
    let named = 0
    let both: () => void = () => {}
    const bothNamed = new Promise<void>((resolve) => (both = resolve))
    const get = await launcher(cache, { delayMs: 150, onTags: () => ++named === 2 && both() })
    const own = get('/articles/a')
    const other = get('/')
    await bothNamed
    cache.purge(['comments:1'])
    expect(await own).toEqual({ from: 'next MISS', surrogateKey: null, cacheTag: null })
    expect(await other).toEqual({ from: 'next MISS', surrogateKey: 'articles site', cacheTag: 'articles,site' })
    // The next answer, made after the expiry, carries them again.
    expect(await get('/articles/a')).toEqual({ from: 'next HIT', ...ARTICLE_KEYS })
  })

  it('a page with more tags than fit goes without, said once', async () => {
    const warnings: string[] = []
    const get = await launcher(
      createPageCache({ maxBytes: 100_000, surrogateKeys: true, warn: (line) => warnings.push(line) }),
    )
    for (let i = 0; i < 3; i++) expect(await get('/too-many')).toMatchObject({ surrogateKey: null, cacheTag: null })
    expect((await get('/too-many')).from).toBe('copy')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(`${MAX_TAGS + 1} tags (at most ${MAX_TAGS})`)
  })
})

describe('the launcher by default (BYLINE_SURROGATE_KEYS unset)', () => {
  it('sends no Surrogate-Key or Cache-Tag, from Next.js or from the copy', async () => {
    const saved = process.env.BYLINE_SURROGATE_KEYS
    delete process.env.BYLINE_SURROGATE_KEYS
    try {
      // As server/launcher.mjs builds it.
      const get = await launcher(createPageCache({ maxBytes: 100_000, surrogateKeys: surrogateKeysEnabled() }))
      const none = { surrogateKey: null, cacheTag: null }
      expect(await get('/articles/a')).toEqual({ from: 'next MISS', ...none })
      expect(await get('/articles/a')).toEqual({ from: 'next HIT', ...none })
      expect(await get('/articles/a')).toEqual({ from: 'copy', ...none })
    } finally {
      if (saved !== undefined) process.env.BYLINE_SURROGATE_KEYS = saved
    }
  })
})
