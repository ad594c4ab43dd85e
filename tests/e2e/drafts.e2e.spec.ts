import { createArticle, uniqueSlug } from './helpers/api'
import { expect, test } from './helpers/fixtures'

test('a draft is invisible to readers: page, REST API and feed', async ({ editorApi, request }) => {
  const slug = uniqueSlug('draft')
  const title = `E2E draft ${slug}`
  const draft = await createArticle(editorApi, { title, slug, status: 'draft' })
  expect(draft._status).toBe('draft')

  expect((await request.get(`/articles/${slug}`)).status()).toBe(404)

  const list = await request.get(`/api/articles?where[slug][equals]=${slug}`)
  expect(list.status()).toBe(200)
  expect((await list.json()).docs).toEqual([])
  expect((await request.get(`/api/articles/${draft.id}`)).status()).toBe(404)

  const feed = await request.get('/feed.xml')
  expect(feed.status()).toBe(200)
  const xml = await feed.text()
  expect(xml).not.toContain(slug)
  expect(xml).not.toContain(title)
})
