import { expect } from '@playwright/test'

import { createArticle, uniqueSlug } from './helpers/api'
import { test } from './helpers/fixtures'

test('an article page carries title, description, canonical URL, Open Graph and NewsArticle JSON-LD', async ({
  page,
  editorApi,
}) => {
  const slug = uniqueSlug('seo')
  await createArticle(editorApi, { title: 'Search-friendly story', slug, status: 'published' })
  const patch = await editorApi.patch(`/api/articles?where[slug][equals]=${slug}`, {
    data: { excerpt: 'A short summary for search engines.', tags: ['seo'] },
  })
  expect(patch.status()).toBe(200)

  await expect(async () => {
    await page.goto(`/articles/${slug}`)
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      'content',
      'A short summary for search engines.',
      { timeout: 500 },
    )
  }).toPass({ timeout: 5000 })
  await expect(page).toHaveTitle('Search-friendly story · Byline')
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/articles/${slug}$`))
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Search-friendly story')
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article')
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
  expect(jsonLd).toMatchObject({
    '@type': 'NewsArticle',
    headline: 'Search-friendly story',
    author: [{ name: 'E2E Editor' }],
  })
})

test('sitemap.xml, robots.txt and feed.xml describe the published site', async ({ request, editorApi }) => {
  const slug = uniqueSlug('sitemap')
  await createArticle(editorApi, { title: 'Mapped story', slug, status: 'published' })
  await expect(async () => {
    const sitemap = await request.get('/sitemap.xml')
    expect(sitemap.headers()['content-type']).toContain('xml')
    expect(await sitemap.text()).toContain(`/articles/${slug}</loc>`)
  }).toPass({ timeout: 5000 })
  const robots = await (await request.get('/robots.txt')).text()
  expect(robots).toMatch(/Disallow: \/admin/)
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/)
  const feed = await request.get('/feed.xml')
  expect(feed.headers()['content-type']).toContain('application/rss+xml')
  const xml = await feed.text()
  expect(xml).toContain('<rss version="2.0"')
  expect((xml.match(/<item>/g) ?? []).length).toBeLessThanOrEqual(20)
})

test('the front page pages with ?page=N, and a category page lists its articles', async ({ page, editorApi }) => {
  const category = await editorApi.post('/api/categories', { data: { title: `E2E Topic ${Date.now()}` } })
  const { doc: topic } = await category.json()
  const titles: string[] = []
  for (let i = 0; i < 11; i++) {
    const title = `Paged story ${i} ${Date.now()}`
    titles.push(title)
    const a = await createArticle(editorApi, { title, slug: uniqueSlug(`paged-${i}`), status: 'published' })
    await editorApi.patch(`/api/articles/${a.id}`, { data: { categories: [topic.id] } })
  }
  await page.goto('/')
  await expect(page.getByRole('link', { name: titles[10] })).toBeVisible()
  await expect(page.getByText('Page 1 of')).toBeVisible()
  await page.getByRole('link', { name: 'Older →' }).click()
  await expect(page).toHaveURL(/\?page=2/)
  await expect(page.getByRole('link', { name: titles[10] })).toHaveCount(0)

  await page.goto(`/categories/${topic.slug}`)
  await expect(page.getByRole('heading', { name: topic.title })).toBeVisible()
  await expect(page.getByRole('link', { name: titles[10] })).toBeVisible()
  await page.goto(`/categories/${topic.slug}?page=2`)
  await expect(page.getByRole('link', { name: titles[0] })).toBeVisible()
  expect((await page.goto('/categories/no-such-category'))?.status()).toBe(404)
})
