import { expect, type APIRequestContext } from '@playwright/test'

import { createArticle, staffRequest, uniqueSlug, updateArticle } from './helpers/api'
import { test } from './helpers/fixtures'
import { MODERATOR } from './helpers/staff'

/** Fetches the page until it contains `text`; returns the milliseconds that took. */
async function msUntilShown(request: APIRequestContext, path: string, text: string) {
  const started = Date.now()
  while (Date.now() - started < 5000) {
    if ((await (await request.get(path)).text()).includes(text)) return Date.now() - started
    await new Promise((r) => setTimeout(r, 25))
  }
  return Infinity
}

test('the article page is served from cache, and an edit or an approval shows within 1 second', async ({
  request,
  editorApi,
}) => {
  const slug = uniqueSlug('fresh')
  const article = await createArticle(editorApi, { title: 'Fresh story', slug, status: 'published' })
  await request.get(`/articles/${slug}`)
  const cached = await request.get(`/articles/${slug}`)
  expect(cached.headers()['x-nextjs-cache']).toBe('HIT')

  await updateArticle(editorApi, article.id, { title: 'Fresh story, corrected' })
  expect(await msUntilShown(request, `/articles/${slug}`, 'Fresh story, corrected')).toBeLessThan(1000)

  const mod = await staffRequest(MODERATOR)
  const created = await mod.post('/api/comments', {
    data: { article: article.id, body: 'Approved just now.', authorName: 'Quinn', status: 'pending' },
  })
  const { doc } = await created.json()
  expect((await (await request.get(`/articles/${slug}`)).text()).includes('Approved just now.')).toBe(false)
  expect((await request.get(`/articles/${slug}`)).headers()['x-nextjs-cache']).toBe('HIT')
  expect((await mod.patch(`/api/comments/${doc.id}`, { data: { status: 'approved' } })).status()).toBe(200)
  expect(await msUntilShown(request, `/articles/${slug}`, 'Approved just now.')).toBeLessThan(1000)
  // Cached again for everyone else afterwards.
  expect((await request.get(`/articles/${slug}`)).headers()['x-nextjs-cache']).toBe('HIT')

  expect((await mod.patch(`/api/comments/${doc.id}`, { data: { status: 'spam' } })).status()).toBe(200)
  const started = Date.now()
  while ((await (await request.get(`/articles/${slug}`)).text()).includes('Approved just now.')) {
    expect(Date.now() - started).toBeLessThan(1000)
  }
  await mod.dispose()
})
