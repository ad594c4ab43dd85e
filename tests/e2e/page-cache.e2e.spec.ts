import { expect, request as newRequest } from '@playwright/test'

import { lexical } from '../../lib/lexical'
import { baseURL, createArticle, login, staffRequest, uniqueSlug, updateArticle } from './helpers/api'
import { test } from './helpers/fixtures'
import { EDITOR, MODERATOR } from './helpers/staff'

// The launcher answers repeat anonymous requests for cached pages from memory
// (server/pageCache.mjs); these tests pin down who gets that copy and when it goes.

test('an anonymous reader gets the in-memory copy of a cached page, identical to what Next.js serves', async ({
  request,
  editorApi,
}) => {
  const slug = uniqueSlug('copy')
  await createArticle(editorApi, { title: 'Copied story', slug, status: 'published' })
  const first = await request.get(`/articles/${slug}`)
  let copy = await request.get(`/articles/${slug}`)
  for (let i = 0; i < 3 && !copy.headers()['x-byline-cache']; i++) copy = await request.get(`/articles/${slug}`)
  expect(copy.headers()['x-byline-cache']).toBe('HIT')
  expect(copy.headers()['x-nextjs-cache']).toBe('HIT')
  expect(copy.headers()['cache-control']).toBe(first.headers()['cache-control'])
  expect(copy.headers()['content-type']).toBe('text/html; charset=utf-8')
  expect(await copy.text()).toBe(await first.text())

  // A browser asking for gzip gets its own, compressed copy (Playwright decompresses it).
  const gzip = { 'accept-encoding': 'gzip' }
  let zipped = await request.get(`/articles/${slug}`, { headers: gzip })
  for (let i = 0; i < 3 && !zipped.headers()['x-byline-cache']; i++)
    zipped = await request.get(`/articles/${slug}`, { headers: gzip })
  expect(zipped.headers()['x-byline-cache']).toBe('HIT')
  expect(zipped.headers()['content-encoding']).toBe('gzip')
  expect(await zipped.text()).toBe(await first.text())
})

test('signed-in staff, draft mode and client-router requests never get the shared copy', async ({
  request,
  editorApi,
}) => {
  const slug = uniqueSlug('private')
  await createArticle(editorApi, { title: 'Private view', slug, status: 'published' })
  for (let i = 0; i < 3; i++) await request.get(`/articles/${slug}`)
  expect((await request.get(`/articles/${slug}`)).headers()['x-byline-cache']).toBe('HIT')

  const token = await login(request, EDITOR)
  const staff = await newRequest.newContext({
    baseURL: baseURL(),
    extraHTTPHeaders: { cookie: `payload-token=${token}` },
  })
  const asStaff = await staff.get(`/articles/${slug}`)
  expect(asStaff.headers()['x-byline-cache']).toBeUndefined()
  expect(asStaff.headers()['cache-control']).toBe('private, no-store')
  await staff.dispose()

  const draft = await request.get(`/articles/${slug}`, { headers: { cookie: '__prerender_bypass=anything' } })
  expect(draft.headers()['x-byline-cache']).toBeUndefined()

  const rsc = await request.get(`/articles/${slug}`, { headers: { rsc: '1' } })
  expect(rsc.headers()['x-byline-cache']).toBeUndefined()
  expect(rsc.headers()['content-type']).toContain('text/x-component')
})

test('a scheduled article appears on the cached home page when its time comes, with no one editing it', async ({
  request,
  editorApi,
}) => {
  const slug = uniqueSlug('scheduled')
  const title = `Scheduled story ${slug}`
  const at = new Date(Date.now() + 4000)
  const created = await editorApi.post('/api/articles', {
    data: { title, slug, _status: 'published', publishedAt: at.toISOString(), content: lexical([{ p: 'Out later.' }]) },
  })
  expect(created.status(), await created.text()).toBe(201)

  // Home rendered and copied while the article is still hidden.
  for (let i = 0; i < 3; i++) expect(await (await request.get('/')).text()).not.toContain(title)
  expect((await request.get('/')).headers()['x-byline-cache']).toBe('HIT')
  expect((await request.get(`/articles/${slug}`)).status()).toBe(404)

  // The job queue runs every 5 seconds: allow the wait until `at` plus two runs.
  const deadline = at.getTime() + 12_000
  let shown = false
  while (!shown && Date.now() < deadline) {
    shown = (await (await request.get('/')).text()).includes(title)
    if (!shown) await new Promise((r) => setTimeout(r, 250))
  }
  expect(shown, 'the scheduled article never appeared on the home page').toBe(true)
  expect((await request.get(`/articles/${slug}`)).status()).toBe(200)
})

test('after an edit, no anonymous request gets the old copy back', async ({ request, editorApi }) => {
  const slug = uniqueSlug('edited')
  const article = await createArticle(editorApi, {
    title: 'Before the edit',
    slug,
    status: 'published',
    body: [{ p: 'Unchanged body.' }],
  })
  for (let i = 0; i < 3; i++) await request.get(`/articles/${slug}`)
  expect((await request.get(`/articles/${slug}`)).headers()['x-byline-cache']).toBe('HIT')

  // Readers keep asking while the edit happens; once one sees it, all later ones must.
  const bodies: string[] = []
  let reading = true
  const readers = Array.from({ length: 4 }, async () => {
    while (reading) bodies.push(await (await request.get(`/articles/${slug}`)).text())
  })
  await updateArticle(editorApi, article.id, { title: 'After the edit' })
  const started = Date.now()
  while (!bodies.some((b) => b.includes('After the edit')) && Date.now() - started < 1000)
    await new Promise((r) => setTimeout(r, 10))
  const firstNew = bodies.findIndex((b) => b.includes('After the edit'))
  await new Promise((r) => setTimeout(r, 500))
  reading = false
  await Promise.all(readers)
  expect(firstNew, 'the edit did not show within 1 second').toBeGreaterThanOrEqual(0)
  // A request that was in flight at the edit may still finish with the old page; allow those.
  const later = bodies.slice(firstNew + 4)
  expect(later.length).toBeGreaterThan(10)
  expect(later.filter((b) => b.includes('Before the edit'))).toEqual([])
  const last = await request.get(`/articles/${slug}`)
  expect(last.headers()['x-byline-cache']).toBe('HIT')
  expect(await last.text()).toContain('After the edit')
})

test('feed.xml and sitemap.xml come from the cache, and a newly published article is in both at once', async ({
  request,
  editorApi,
}) => {
  for (const file of ['/feed.xml', '/sitemap.xml']) {
    await request.get(file)
    expect((await request.get(file)).headers()['x-nextjs-cache']).toBe('HIT')
  }
  const slug = uniqueSlug('listed')
  await createArticle(editorApi, { title: 'Listed story', slug, status: 'published' })
  expect(await (await request.get('/feed.xml')).text()).toContain(`/articles/${slug}</link>`)
  expect(await (await request.get('/sitemap.xml')).text()).toContain(`/articles/${slug}</loc>`)
})

test('public pages tell a CDN it may keep them (s-maxage, stale-while-revalidate); staff and admin pages are private', async ({
  request,
  editorApi,
}) => {
  const slug = uniqueSlug('cdn')
  await createArticle(editorApi, { title: 'Shared by a CDN', slug, status: 'published' })
  const PUBLIC = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300'
  for (const path of ['/', '/?page=1', `/articles/${slug}`, '/feed.xml', '/sitemap.xml', '/robots.txt']) {
    expect((await request.get(path)).headers()['cache-control'], path).toBe(PUBLIC)
  }
  const token = await login(request, EDITOR)
  const staff = await newRequest.newContext({
    baseURL: baseURL(),
    extraHTTPHeaders: { cookie: `payload-token=${token}` },
  })
  for (const path of ['/', `/articles/${slug}`, '/admin']) {
    expect((await staff.get(path, { maxRedirects: 0 })).headers()['cache-control'], path).toBe('private, no-store')
  }
  await staff.dispose()
})

test('approving a comment under one article drops only that article from the copy: another article, the home page and the feed stay', async ({
  request,
  editorApi,
}) => {
  const [a, b] = [uniqueSlug('approved'), uniqueSlug('untouched')]
  const article = await createArticle(editorApi, { title: 'Discussed story', slug: a, status: 'published' })
  await createArticle(editorApi, { title: 'Quiet story', slug: b, status: 'published' })
  const mod = await staffRequest(MODERATOR)
  const created = await mod.post('/api/comments', {
    data: { article: article.id, body: 'Approved a moment later.', authorName: 'Lee', status: 'pending' },
  })
  expect(created.status(), await created.text()).toBe(201)
  const commentId = (await created.json()).doc.id

  const paths = [`/articles/${a}`, `/articles/${b}`, '/', '/feed.xml']
  const copied = async (path: string) => {
    for (let i = 0; i < 5; i++) if ((await request.get(path)).headers()['x-byline-cache'] === 'HIT') return true
    return false
  }
  for (const path of paths) expect(await copied(path), path).toBe(true)

  expect((await mod.patch(`/api/comments/${commentId}`, { data: { status: 'approved' } })).status()).toBe(200)
  const discussed = await request.get(`/articles/${a}`)
  expect(discussed.status()).toBe(200)
  expect(await discussed.text()).toContain('Approved a moment later.')
  expect(discussed.headers()['x-byline-cache']).toBeUndefined()
  for (const path of paths.slice(1)) {
    const kept = await request.get(path)
    expect(kept.status(), path).toBe(200)
    expect(kept.headers()['x-byline-cache'], `${path} left the copy`).toBe('HIT')
  }
  await mod.dispose()
})
