import { expect, request as newRequest, type APIRequestContext, type APIResponse } from '@playwright/test'

import { lexical } from '../../lib/lexical'
import { slugify } from '../../lib/slugify'
import { baseURL, createArticle, login, uniqueSlug, updateArticle } from './helpers/api'
import { test } from './helpers/fixtures'
import { EDITOR } from './helpers/staff'

// Behind a CDN (README "Behind a CDN"): scripts/e2e.mjs serves the site with
// BYLINE_SURROGATE_KEYS=1 and BYLINE_PURGE_URL pointing at a receiver it started
// (tests/servers/purgeCatcher.mjs), whose calls this spec reads at E2E_PURGE_RECEIVED.
// The default (the variable unset) is checked in tests/int/surrogate-keys.int.spec.ts.

type PurgeCall = {
  at: string
  tags: string[] | null
  authorization: string | null
  xkeyPurge: string | null
  contentType: string | null
}

async function purgeCalls(): Promise<PurgeCall[]> {
  const url = process.env.E2E_PURGE_RECEIVED
  if (!url) throw new Error('E2E_PURGE_RECEIVED is not set: run `npm run test:e2e`')
  const response = await fetch(url)
  expect(response.status).toBe(200)
  return response.json()
}

const keysOf = (response: APIResponse) => (response.headers()['surrogate-key'] ?? '').split(' ').filter(Boolean)
const cacheTagsOf = (response: APIResponse) => (response.headers()['cache-tag'] ?? '').split(',').filter(Boolean)

/** Requests `path` until the launcher answers it from its page copy (x-byline-cache: HIT). */
async function fromCopy(request: APIRequestContext, path: string) {
  let response = await request.get(path)
  for (let i = 0; i < 5 && response.headers()['x-byline-cache'] !== 'HIT'; i++) response = await request.get(path)
  expect(response.headers()['x-byline-cache'], `${path} never came from the page copy`).toBe('HIT')
  return response
}

test('an article page carries its cache tags in Surrogate-Key and Cache-Tag, rendered and from the page copy', async ({
  request,
  editorApi,
}) => {
  const slug = uniqueSlug('cdn')
  const article = await createArticle(editorApi, { title: 'Tagged for the CDN', slug, status: 'published' })
  const tag = `article:${slug}`

  const first = await request.get(`/articles/${slug}`)
  expect(first.status()).toBe(200)
  expect(first.headers()['x-byline-cache']).toBeUndefined()
  expect(first.headers()['x-nextjs-cache']).toBe('MISS')
  expect(keysOf(first)).toContain(tag)
  expect(keysOf(first)).toContain(`comments:${article.id}`)
  expect(cacheTagsOf(first)).toEqual(keysOf(first))
  expect(keysOf(first).some((key) => key.startsWith('_N_T_'))).toBe(false)

  const copy = await fromCopy(request, `/articles/${slug}`)
  expect(keysOf(copy)).toEqual(keysOf(first))
  expect(cacheTagsOf(copy)).toEqual(keysOf(first))
  expect(copy.headers()['cache-control']).toContain('s-maxage=60')
})

test('the home page, archives, a Page, the feeds and the sitemap carry their tags; search does not', async ({
  request,
  editorApi,
}) => {
  const me = (await (await editorApi.get('/api/users/me')).json()).user
  const slug = uniqueSlug('cdn-lists')
  const tagText = `CDN tag ${slug}`
  const category = await editorApi.post('/api/categories', { data: { title: `CDN topic ${slug}` } })
  expect(category.status(), await category.text()).toBe(201)
  const topic = (await category.json()).doc
  const created = await createArticle(editorApi, { title: 'Listed for the CDN', slug, status: 'published' })
  const patched = await editorApi.patch(`/api/articles/${created.id}`, {
    data: { categories: [topic.id], tags: [tagText] },
  })
  expect(patched.status(), await patched.text()).toBe(200)
  const pageSlug = uniqueSlug('cdn-page')
  const page = await editorApi.post('/api/pages', {
    data: {
      title: 'A CDN page',
      slug: pageSlug,
      _status: 'published',
      publishedAt: new Date(Date.now() - 60_000).toISOString(),
      content: lexical([{ p: 'About.' }]),
    },
  })
  expect(page.status(), await page.text()).toBe(201)
  const pagePath = (await page.json()).doc.path as string

  const expected: [string, string][] = [
    ['/', 'articles'],
    [`/categories/${topic.slug}`, `category:${topic.slug}`],
    [`/tags/${slugify(tagText)}`, 'articles'],
    [`/authors/${me.slug}`, `author:${me.slug}`],
    [pagePath, `page:${pagePath}`],
    ['/feed.xml', 'articles'],
    ['/comments.xml', 'comment-feed'],
    ['/sitemap.xml', 'articles'],
  ]
  for (const [path, tag] of expected) {
    const response = await request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBe(200)
    expect(keysOf(response), path).toContain(tag)
    expect(cacheTagsOf(response), path).toEqual(keysOf(response))
  }
  // The copy of the category page carries them too.
  expect(keysOf(await fromCopy(request, `/categories/${topic.slug}`))).toContain(`category:${topic.slug}`)

  // Never cached, so nothing to purge: no tags.
  const search = await request.get(`/search?q=${encodeURIComponent('cdn')}`)
  expect(search.status()).toBe(200)
  expect(search.headers()['surrogate-key']).toBeUndefined()
  expect(search.headers()['cache-tag']).toBeUndefined()
})

test('a signed-in staff member, draft mode and a server action get no Surrogate-Key', async ({
  request,
  editorApi,
}) => {
  const slug = uniqueSlug('cdn-staff')
  await createArticle(editorApi, { title: 'Seen by staff', slug, status: 'published' })
  const anonymous = await fromCopy(request, `/articles/${slug}`)
  expect(keysOf(anonymous)).toContain(`article:${slug}`)

  const token = await login(request, EDITOR)
  const staff = await newRequest.newContext({
    baseURL: baseURL(),
    extraHTTPHeaders: { cookie: `payload-token=${token}` },
  })
  const asStaff = await staff.get(`/articles/${slug}`)
  await staff.dispose()
  expect(asStaff.status()).toBe(200)
  expect(asStaff.headers()['cache-control']).toBe('private, no-store')
  expect(asStaff.headers()['surrogate-key']).toBeUndefined()
  expect(asStaff.headers()['cache-tag']).toBeUndefined()

  const draft = await request.get(`/articles/${slug}`, { headers: { cookie: '__prerender_bypass=anything' } })
  expect(draft.status()).toBe(200)
  expect(draft.headers()['surrogate-key']).toBeUndefined()

  // A comment posted with JavaScript: a server action's POST.
  const action = await request.post(`/articles/${slug}`, {
    headers: { 'next-action': 'not-a-real-action' },
    data: '[]',
  })
  expect(action.headers()['surrogate-key']).toBeUndefined()
  expect(action.headers()['cache-tag']).toBeUndefined()
})

test("publishing a change calls the purge webhook with the article's tag, the token and an xkey-purge header", async ({
  request,
  editorApi,
}) => {
  const slug = uniqueSlug('cdn-purge')
  const article = await createArticle(editorApi, { title: 'Before the purge', slug, status: 'published' })
  expect(keysOf(await request.get(`/articles/${slug}`))).toContain(`article:${slug}`)
  const tag = `article:${slug}`
  // Creating it already expired its tag; only calls after the change count.
  await expect(async () => expect((await purgeCalls()).some((c) => c.tags?.includes(tag))).toBe(true)).toPass({
    timeout: 10_000,
  })
  const before = (await purgeCalls()).length

  const changed = Date.now()
  await updateArticle(editorApi, article.id, { title: 'After the purge' })
  let call: PurgeCall | undefined
  await expect(async () => {
    call = (await purgeCalls()).slice(before).find((c) => c.tags?.includes(tag))
    expect(call, "the webhook never got the article's tag").toBeDefined()
  }).toPass({ timeout: 5000, intervals: [50] })
  const seconds = (Date.parse(call!.at) - changed) / 1000
  expect(seconds).toBeLessThan(5)
  expect(call!.tags).toContain('articles')
  expect(call!.authorization).toBe(`Bearer ${process.env.E2E_PURGE_TOKEN}`)
  expect(call!.contentType).toBe('application/json')
  expect(call!.xkeyPurge?.split(' ')).toEqual(call!.tags)
  // What the CDN fetches next is the new page, with the same key.
  const after = await request.get(`/articles/${slug}`)
  expect(await after.text()).toContain('After the purge')
  expect(keysOf(after)).toContain(tag)
})
