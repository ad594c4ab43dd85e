import { createArticle, updateArticle, uniqueSlug } from './helpers/api'
import { expect, test } from './helpers/fixtures'

test('renaming a published article redirects its old address permanently', async ({ editorApi, request }) => {
  const oldSlug = uniqueSlug('old')
  const newSlug = uniqueSlug('new')
  const article = await createArticle(editorApi, {
    title: `E2E before rename ${oldSlug}`,
    slug: oldSlug,
    status: 'published',
  })
  // The reader has seen (and the cache holds) the page under its first address.
  expect((await request.get(`/articles/${oldSlug}`)).status()).toBe(200)

  const newTitle = `E2E after rename ${newSlug}`
  await updateArticle(editorApi, article.id, { title: newTitle, slug: newSlug })

  // Publishing shows on the site at once: no restart, no waiting for a cache to age.
  await expect
    .poll(async () => (await request.get(`/articles/${newSlug}`)).text(), { timeout: 3_000 })
    .toContain(newTitle)

  const oldAddress = () => request.get(`/articles/${oldSlug}`, { maxRedirects: 0 })
  const permanent = async () => (await oldAddress()).status() === 301
  await expect.poll(permanent, { timeout: 3_000, message: 'the old address answers 301' }).toBe(true)
  const redirect = await oldAddress()
  expect(redirect.status()).toBe(301)
  expect(redirect.headers()['location']).toMatch(new RegExp(`/articles/${newSlug}$`))

  const page = await request.get(`/articles/${oldSlug}`)
  expect(page.url()).toMatch(new RegExp(`/articles/${newSlug}$`))
  expect(await page.text()).toContain(newTitle)
})
