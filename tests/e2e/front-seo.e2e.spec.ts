import { request as apiRequest } from '@playwright/test'
import sharp from 'sharp'

import { baseURL, staffRequest, uniqueSlug } from './helpers/api'
import { expect, test } from './helpers/fixtures'
import { bannerPng, createCategory, myId, publishStory, uploadImage } from './helpers/front'
import { ADMIN, MODERATOR } from './helpers/staff'

const run = Date.now().toString(36)

const metaContent = (html: string, key: string) =>
  html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1]

test('an article shares its hero: og:image and twitter:image, JSON-LD with image, author, publisher logo and comments', async ({
  editorApi,
}) => {
  const image = await uploadImage(editorApi, { name: `seo-${run}.png`, alt: 'The harbour wall', hue: 120 })
  const slug = uniqueSlug('seo')
  const article = await publishStory(editorApi, {
    title: 'Sharing story',
    slug,
    heroImage: image.id,
    authors: [await myId(editorApi)],
  })
  const mod = await staffRequest(MODERATOR)
  const c = await mod.post('/api/comments', {
    data: { article: article.id, body: 'A shared thought.', authorName: 'Sam', status: 'approved' },
  })
  expect(c.status(), await c.text()).toBe(201)
  await mod.dispose()
  const api = await apiRequest.newContext({ baseURL: baseURL() })
  const response = await api.get(`/articles/${slug}`)
  expect(response.status()).toBe(200)
  const html = await response.text()
  const og = metaContent(html, 'og:image')
  expect(og).toMatch(new RegExp(`^${baseURL()}/api/media/file/seo-${run}-[0-9a-f]{10}-1200x630\\.jpe?g$`))
  expect(metaContent(html, 'twitter:image')).toBe(og)
  expect(metaContent(html, 'twitter:card')).toBe('summary_large_image')
  const image1200 = await api.get(og!)
  expect(image1200.status()).toBe(200)
  expect(image1200.headers()['content-type']).toBe('image/jpeg')
  const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1])
  expect(ld['@type']).toBe('NewsArticle')
  expect(ld.image).toEqual([og])
  expect(ld.author).toEqual([expect.objectContaining({ '@type': 'Person', name: 'E2E Editor' })])
  expect(ld.publisher.logo.url).toMatch(/^http/)
  expect(ld.commentCount).toBe(1)
  expect(ld.comment).toEqual([
    expect.objectContaining({
      '@type': 'Comment',
      text: 'A shared thought.',
      author: expect.objectContaining({ name: 'Sam' }),
    }),
  ])
  await api.dispose()
})

test('list pages carry a canonical URL and Open Graph tags', async ({ editorApi }) => {
  const category = await createCategory(editorApi, `Canonical ${run}`)
  await publishStory(editorApi, { title: 'Canonical story', slug: uniqueSlug('canonical'), categories: [category.id] })
  const api = await apiRequest.newContext({ baseURL: baseURL() })
  for (const [path, canonical] of [
    ['/', `${baseURL()}/`],
    [`/categories/${category.slug}`, `${baseURL()}/categories/${category.slug}`],
  ]) {
    const response = await api.get(path)
    expect(response.status()).toBe(200)
    const html = await response.text()
    // Next writes the site root without its trailing slash.
    const same = (url: string | undefined) => expect(url?.replace(/\/$/, '')).toBe(canonical.replace(/\/$/, ''))
    same(html.match(/<link rel="canonical" href="([^"]*)"/)?.[1])
    same(metaContent(html, 'og:url'))
    expect(metaContent(html, 'og:type')).toBe('website')
  }
  await api.dispose()
})

test('page 1 of a list answers 301 to the list itself', async ({ editorApi }) => {
  const category = await createCategory(editorApi, `Pages ${run}`)
  const api = await apiRequest.newContext({ baseURL: baseURL() })
  for (const [from, to] of [
    ['/page/1', '/'],
    ['/?page=1', '/'],
    [`/categories/${category.slug}/page/1`, `/categories/${category.slug}`],
    [`/categories/${category.slug}?page=1`, `/categories/${category.slug}`],
  ]) {
    const response = await api.get(from, { maxRedirects: 0 })
    expect(response.status(), from).toBe(301)
    expect(
      new URL(response.headers().location, baseURL()).pathname + new URL(response.headers().location, baseURL()).search,
    ).toBe(to)
  }
  expect((await api.get('/', { maxRedirects: 0 })).status()).toBe(200)
  await api.dispose()
})

test('robots.txt lets search engines fetch media and names the sitemap on SERVER_URL', async () => {
  const api = await apiRequest.newContext({ baseURL: baseURL() })
  const response = await api.get('/robots.txt')
  expect(response.status()).toBe(200)
  const text = await response.text()
  expect(text).toContain('Allow: /api/media/')
  expect(text).toContain('Disallow: /api/')
  expect(text).toContain(`Sitemap: ${baseURL()}/sitemap.xml`)
  await api.dispose()
})

test('media files are immutable for a year, and a new file gets a new name', async ({ editorApi }) => {
  const first = await uploadImage(editorApi, { name: `same-name-${run}.png`, alt: 'First', hue: 10 })
  const second = await uploadImage(editorApi, { name: `same-name-${run}.png`, alt: 'Second', hue: 250 })
  expect(first.filename).toMatch(new RegExp(`^same-name-${run}-[0-9a-f]{10}\\.png$`))
  expect(second.filename).not.toBe(first.filename)
  const replaced = await editorApi.patch(`/api/media/${first.id}`, {
    multipart: {
      file: { name: `same-name-${run}.png`, mimeType: 'image/png', buffer: await bannerPng(300) },
      _payload: JSON.stringify({ alt: 'First, replaced' }),
    },
  })
  expect(replaced.status(), await replaced.text()).toBe(200)
  const after = (await replaced.json()).doc
  expect(after.filename).not.toBe(first.filename)
  expect(after.sizes.card.filename).not.toBe(first.sizes?.card?.filename)
  const api = await apiRequest.newContext({ baseURL: baseURL() })
  for (const url of [after.url, after.sizes.card.url, after.sizes.hero.url]) {
    const file = await api.get(url)
    expect(file.status()).toBe(200)
    expect(file.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
  }
  expect(after.sizes.card.mimeType).toBe('image/webp')
  expect((await api.get(after.sizes.card.url)).headers()['content-type']).toBe('image/webp')
  await api.dispose()
})

test('a site icon: the shipped default, then the one chosen in the admin', async () => {
  const api = await apiRequest.newContext({ baseURL: baseURL() })
  const page = await api.get('/')
  expect(await page.text()).toContain('<link rel="icon" href="/favicon.ico"')
  const ico = await api.get('/favicon.ico')
  expect(ico.status()).toBe(200)
  expect(ico.headers()['content-type']).toBe('image/x-icon')
  const bytes = await ico.body()
  expect([...bytes.subarray(0, 6)]).toEqual([0, 0, 1, 0, 3, 0])
  const touch = await api.get('/apple-touch-icon.png')
  expect(touch.status()).toBe(200)
  const meta = await sharp(await touch.body()).metadata()
  expect([meta.format, meta.width, meta.height]).toEqual(['png', 180, 180])
  const defaultPixel = await sharp(await touch.body())
    .extract({ left: 90, top: 40, width: 1, height: 1 })
    .raw()
    .toBuffer()

  // The admin sets a green icon: both files follow.
  const admin = await staffRequest(ADMIN)
  const green = await sharp({ create: { width: 256, height: 256, channels: 3, background: { r: 0, g: 160, b: 0 } } })
    .png()
    .toBuffer()
  const icon = await uploadImage(admin, { name: `icon-${run}.png`, alt: 'Site icon', buffer: green })
  const site = await admin.post('/api/globals/site', { data: { icon: icon.id } })
  expect(site.status(), await site.text()).toBe(200)
  await expect(async () => {
    const pixel = await sharp(await (await api.get('/apple-touch-icon.png')).body())
      .extract({ left: 90, top: 40, width: 1, height: 1 })
      .raw()
      .toBuffer()
    expect([...pixel]).not.toEqual([...defaultPixel])
    expect(pixel[1]).toBeGreaterThan(120)
    expect(pixel[0]).toBeLessThan(40)
  }).toPass({ timeout: 5000 })
  await admin.post('/api/globals/site', { data: { icon: null } })
  await admin.dispose()
  await api.dispose()
})
