import { createArticle, updateArticle, uniqueSlug } from './helpers/api'
import { expect, test } from './helpers/fixtures'

test('unpublishing takes an article off the site within seconds', async ({ editorApi, request }) => {
  const slug = uniqueSlug('unpublish')
  const article = await createArticle(editorApi, {
    title: `E2E unpublish ${slug}`,
    slug,
    status: 'published',
  })
  // Rendered once, so a stale cached page would show if unpublishing did not expire it.
  expect((await request.get(`/articles/${slug}`)).status()).toBe(200)

  await updateArticle(editorApi, article.id, { _status: 'draft' })

  await expect.poll(async () => (await request.get(`/articles/${slug}`)).status(), { timeout: 5_000 }).toBe(404)
  const feed = await (await request.get('/feed.xml')).text()
  expect(feed).not.toContain(slug)
})
