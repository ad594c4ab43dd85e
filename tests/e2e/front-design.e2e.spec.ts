import { staffRequest, uniqueSlug } from './helpers/api'
import { postComment, readerContext } from './helpers/comments'
import { expect, test } from './helpers/fixtures'
import { createCategory, myId, noAxeViolations, publishStory, screenshot, uploadImage } from './helpers/front'
import { MODERATOR } from './helpers/staff'

// One newsroom's worth of content, made once: two sections in the menu, stories with and without
// images, one with a captioned hero, tags and approved comments.
test.describe.configure({ mode: 'serial' })

const run = Date.now().toString(36)
let world: { id: number; slug: string; title: string }
let science: { id: number; slug: string; title: string }
let heroSlug = ''
let textLeadSlug = ''

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()
const short = run.slice(-4)

test('setup: sections in the menu, stories with and without images', async ({ editorApi }) => {
  world = (await createCategory(editorApi, `World ${short}`)) as typeof world
  science = (await createCategory(editorApi, `Science ${short}`)) as typeof science
  const site = await editorApi.post('/api/globals/site', {
    data: {
      sections: [science.id, world.id],
      footerLinks: [
        { label: 'About us', url: '/about' },
        { label: 'Contact', url: '/contact' },
      ],
    },
  })
  expect(site.status(), await site.text()).toBe(200)
  const author = await myId(editorApi)
  const images = []
  for (let i = 0; i < 4; i++)
    images.push(
      await uploadImage(editorApi, {
        name: `front-${run}-${i}.png`,
        alt: `Illustration ${i} for the ${run} story`,
        caption: `Photograph ${i}: the harbour at dawn.`,
        hue: 30 + i * 70,
      }),
    )
  // Newer than anything other spec files made, older than the hero story.
  let minutes = 0.5
  for (let i = 0; i < 5; i++) {
    await publishStory(editorApi, {
      title: `${i % 2 ? 'Science' : 'World'} story ${i}: what the new findings mean for everyone involved`,
      slug: uniqueSlug(`grid-${i}`),
      excerpt: 'A short summary of the story that runs to a sentence or two, as excerpts do.',
      heroImage: i % 2 === 0 ? images[i % 4].id : undefined,
      categories: [i % 2 ? science.id : world.id],
      authors: [author],
      tags: ['harbours', `topic ${run}`],
      publishedAt: ago((minutes -= 0.05)),
    })
  }
  heroSlug = uniqueSlug('hero')
  const hero = await publishStory(editorApi, {
    title: 'Harbour authority approves the new sea wall after a decade of delays',
    slug: heroSlug,
    excerpt: 'The vote ends a long fight over cost and design; construction starts in spring.',
    heroImage: images[3].id,
    categories: [world.id],
    authors: [author],
    tags: ['harbours', 'Climate & Coasts'],
    publishedAt: ago(0),
  })
  const mod = await staffRequest(MODERATOR)
  for (const [i, body] of [
    'About time. The old wall flooded twice last winter.',
    'Does anyone know who pays for the maintenance?',
  ].entries()) {
    const c = await mod.post('/api/comments', {
      data: { article: hero.id, body, authorName: `Reader ${i + 1}`, status: 'approved' },
    })
    expect(c.status(), await c.text()).toBe(201)
  }
  await mod.dispose()
})

test('header: site name, the sections in the admin order, a search box; footer: sections and pages', async ({
  page,
}) => {
  await page.goto(`/articles/${heroSlug}`)
  const menu = page.getByRole('navigation', { name: 'Sections', exact: true })
  await expect(menu.getByRole('link')).toHaveText(['Latest', science.title, world.title])
  await expect(menu.getByRole('link', { name: science.title })).toHaveAttribute('href', `/categories/${science.slug}`)
  const search = page.getByRole('search').first()
  await expect(search).toHaveAttribute('action', '/search')
  await expect(search).toHaveAttribute('method', 'get')
  await expect(search.getByRole('searchbox', { name: 'Search articles' })).toHaveAttribute('name', 'q')
  const footer = page.locator('footer.site-footer')
  await expect(footer.getByRole('link', { name: world.title })).toBeVisible()
  await expect(footer.getByRole('link', { name: 'About us' })).toHaveAttribute('href', '/about')
  await expect(footer.getByRole('link', { name: 'RSS feed' })).toHaveAttribute('href', '/feed.xml')
  // The site-wide comment feed is found from the home page too, by readers and by feed readers.
  await page.goto('/')
  await expect(footer.getByRole('link', { name: 'Comments feed' })).toHaveAttribute('href', '/comments.xml')
  const feeds = page.locator('head link[rel="alternate"][type="application/rss+xml"]')
  await expect(feeds).toHaveCount(2)
  expect(await feeds.evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname))).toEqual([
    '/feed.xml',
    '/comments.xml',
  ])
})

test('article: hero with caption, byline, tags, Read more with thumbnails, and the screenshots', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(`/articles/${heroSlug}`)
  const hero = page.locator('figure.hero img')
  await expect(hero).toHaveAttribute('fetchpriority', 'high')
  await expect(hero).toHaveAttribute('loading', 'eager')
  await expect(hero).toHaveAttribute('srcset', /\.webp 800w, .+\.webp 1600w/)
  await expect(hero).toHaveAttribute('sizes', /60rem/)
  await expect(page.locator('figure.hero figcaption')).toHaveText('Photograph 3: the harbour at dawn.')
  expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  await expect(page.locator('.article-header .meta')).toContainText('By E2E Editor')
  const tags = page.getByRole('navigation', { name: 'Tags' })
  await expect(tags.getByRole('link', { name: 'Climate & Coasts' })).toHaveAttribute('href', '/tags/climate-and-coasts')
  const readMore = page.getByRole('complementary', { name: 'Read more' })
  await expect(readMore.getByRole('listitem')).toHaveCount(3)
  await expect(readMore.locator('img').first()).toHaveAttribute('loading', 'lazy')
  await expect(page.locator('.comments-title')).toHaveText('2 COMMENTS')
  // Every image says its size; everything but the hero waits until it is near.
  for (const img of await page.locator('img').all()) {
    await expect(img).toHaveAttribute('width', /^\d+$/)
    await expect(img).toHaveAttribute('height', /^\d+$/)
  }
  await expect(page.locator('img[loading="eager"]')).toHaveCount(1)
  // The article's h2s are a clear step below the title on a phone.
  await page.setViewportSize({ width: 390, height: 844 })
  const [h1, h2] = await Promise.all(
    ['.article h1', '.article-body h2'].map((s) =>
      page
        .locator(s)
        .first()
        .evaluate((e) => parseFloat(getComputedStyle(e).fontSize)),
    ),
  )
  expect(h1 / h2).toBeGreaterThanOrEqual(1.4)
  for (const width of [390, 1366]) await screenshot(page, 'article-hero-comments', width)
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(page, 'article-dark', 390)
})

test('home: the lead story with its image, an even grid, dates on the meta line; screenshots', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto('/')
  const lead = page.locator('.card-lead')
  await expect(lead).toContainText('Harbour authority approves')
  await expect(lead.locator('img')).toHaveAttribute('fetchpriority', 'high')
  // Cards of one grid row start and end level, with or without an image.
  const cards = page.locator('.cards > .card')
  expect(await cards.count()).toBeGreaterThanOrEqual(3)
  const boxes = await Promise.all([0, 1, 2].map(async (i) => (await cards.nth(i).boundingBox())!))
  expect(new Set(boxes.map((b) => Math.round(b.y))).size).toBe(1)
  expect(new Set(boxes.map((b) => Math.round(b.height))).size).toBe(1)
  const media = await Promise.all(
    [0, 1, 2].map(async (i) => (await cards.nth(i).locator('.card-media img, .card-fallback').boundingBox())!.height),
  )
  expect(Math.max(...media) - Math.min(...media)).toBeLessThan(2)
  await expect(page.locator('.cards .card-fallback').first()).toBeVisible()
  // The date shares the line with section and byline.
  const meta = cards
    .filter({ has: page.locator('.meta .category') })
    .first()
    .locator('.meta')
  const [section, date] = await Promise.all([
    meta.locator('.category').boundingBox(),
    meta.locator('time').boundingBox(),
  ])
  expect(Math.abs(section!.y - date!.y)).toBeLessThan(4)
  // Nothing is preloaded that this page does not show, and the feed is never fetched as a page.
  const shown = await page
    .locator('img')
    .evaluateAll((imgs) => imgs.flatMap((i) => [i.getAttribute('src'), i.getAttribute('srcset')]))
  const preloaded = await page
    .locator('link[rel="preload"][as="image"]')
    .evaluateAll((links) => links.map((l) => l.getAttribute('imagesrcset') ?? l.getAttribute('href')))
  for (const p of preloaded) expect(shown).toContain(p)
  const feedRequests: string[] = []
  page.on('request', (r) => r.url().includes('/feed.xml') && feedRequests.push(r.url()))
  await page.locator('footer').scrollIntoViewIfNeeded()
  await page.waitForLoadState('networkidle')
  expect(feedRequests).toEqual([])
  for (const width of [390, 1366]) await screenshot(page, 'home-lead-image', width)
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(page, 'home-dark', 1366)
})

test('home without a lead image: the lead is set in type, no blank half; screenshots', async ({ page, editorApi }) => {
  textLeadSlug = uniqueSlug('text-lead')
  await publishStory(editorApi, {
    title: 'Council delays the budget vote as talks over school funding run late into the night',
    slug: textLeadSlug,
    excerpt: 'Members will meet again on Thursday; the mayor says a deal is close.',
    categories: [world.id],
    authors: [await myId(editorApi)],
    publishedAt: ago(0),
  })
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto('/')
  const lead = page.locator('.card-lead')
  await expect(lead).toContainText('Council delays the budget vote')
  await expect(lead).toHaveClass(/card-text/)
  await expect(lead.locator('img, .card-fallback')).toHaveCount(0)
  const box = (await lead.locator('.card-body').boundingBox())!
  expect(box.width).toBeGreaterThan(600)
  for (const width of [390, 1366]) await screenshot(page, 'home-lead-text', width)
})

test('category page: its stories, canonical and Open Graph; screenshots', async ({ page }) => {
  await page.goto(`/categories/${world.slug}`)
  await expect(page.getByRole('heading', { level: 1, name: world.title })).toBeVisible()
  await expect(page.locator('.card')).not.toHaveCount(0)
  for (const width of [390, 1366]) await screenshot(page, 'category', width)
})

test('axe: no violations on home, article, category, author, search results and the comment form showing its errors', async ({
  browser,
  editorApi,
}) => {
  // Seven full-page analyses: about 10 s each on a loaded two-core machine.
  test.setTimeout(240_000)
  const me = (await (await editorApi.get('/api/users/me')).json()).user
  expect(me.slug).toMatch(/^[a-z0-9-]+$/)
  const context = await readerContext(browser)
  const page = await context.newPage()
  for (const path of ['/', `/articles/${heroSlug}`, `/categories/${world.slug}`, `/authors/${me.slug}`]) {
    await page.goto(path)
    await noAxeViolations(page)
  }
  // Search results with a highlighted snippet (not the empty page).
  await page.goto('/search?q=harbour')
  await expect(
    page
      .locator('main')
      .getByRole('link', { name: /Harbour authority approves/ })
      .first(),
  ).toBeVisible()
  await noAxeViolations(page)
  await page.goto(`/articles/${heroSlug}`)
  await page.getByRole('button', { name: 'Post Comment' }).click()
  await expect(page.locator('#comment-error')).toBeVisible()
  await noAxeViolations(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  await noAxeViolations(page)
  await context.close()
})

test('a reply posted on the hero article is listed in JSON-LD once approved', async ({ browser }) => {
  const context = await readerContext(browser)
  const page = await context.newPage()
  await page.goto(`/articles/${heroSlug}`)
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)
  expect(ld.commentCount).toBe(2)
  expect(ld.comment.map((c: { text: string }) => c.text)).toContain('Does anyone know who pays for the maintenance?')
  await postComment(page, {
    comment: 'Pending comments stay out of the JSON-LD.',
    name: 'Quinn',
    email: 'quinn@example.test',
  })
  await expect(page.locator('.comment-pending')).toContainText('Pending comments stay out')
  await page.reload()
  const after = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)
  expect(after.commentCount).toBe(2)
  await context.close()
})
