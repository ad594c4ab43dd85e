import type { APIRequestContext } from '@playwright/test'

import { lexical } from '../../lib/lexical'
import { slugify } from '../../lib/slugify'
import type { Article } from '../../payload-types'
import { baseURL, uniqueSlug } from './helpers/api'
import { expect, test } from './helpers/fixtures'
import { screenshot } from './helpers/front'

/** A published (or draft) article with tags, written by the editor through the REST API. */
async function article(
  api: APIRequestContext,
  title: string,
  body: string,
  extra: Record<string, unknown> = {},
): Promise<Article> {
  const response = await api.post('/api/articles', {
    data: { title, slug: uniqueSlug('search'), _status: 'published', content: lexical([{ p: body }]), ...extra },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).doc
}

const word = () => `zq${Math.random().toString(36).slice(2, 9)}`

test('search works without JavaScript: GET form, ranked results with highlighted snippets, no drafts', async ({
  browser,
  editorApi,
  page: readerPage,
}) => {
  const term = word()
  const inTitle = await article(editorApi, `Harbour ${term} report`, 'The harbour reopened.')
  const inBody = await article(editorApi, 'Weekend notes', `Walking by the sea we found ${term} shells on the sand.`)
  await article(editorApi, `Draft ${term}`, `${term} in a draft`, { _status: 'draft' })

  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/search')
  await expect(page.getByText('Type one or more words to search the articles.')).toBeVisible()
  await page.locator('main').getByLabel('Search articles').fill(term)
  await page.locator('main').getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${term}$`))
  await expect(page.getByRole('status')).toContainText(`2 articles match “${term}”`)
  const results = page.locator('.search-results > li')
  await expect(results).toHaveCount(2)
  // Title (weight A) before body (weight C); the match is marked in the snippet.
  await expect(results.nth(0).getByRole('link')).toHaveText(inTitle.title)
  await expect(results.nth(1).getByRole('link')).toHaveText(inBody.title)
  await expect(results.nth(1).locator('mark')).toHaveText(term)
  await expect(page.getByText(`Draft ${term}`)).toHaveCount(0)
  // The typed text stays in the box.
  await expect(page.locator('main').getByLabel('Search articles')).toHaveValue(term)
  await results.nth(1).getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`/articles/${inBody.slug}$`))
  await context.close()
  // The results as a reader with JavaScript sees them, at both widths.
  await readerPage.goto(`/search?q=${term}`)
  await expect(readerPage.locator('.search-results > li')).toHaveCount(2)
  for (const width of [390, 1366]) await screenshot(readerPage, 'search-results', width)
})

test('search answers odd input with 200 and a clear message, and never caches or injects', async ({
  page,
  request,
}) => {
  const long = await request.get(`/search?q=${encodeURIComponent('lighthouse '.repeat(1000))}`)
  expect(long.status()).toBe(200)
  expect(await long.text()).toContain('only the first 200 were used')
  expect(long.headers()['cache-control']).not.toContain('public')

  const punctuation = await request.get(`/search?q=${encodeURIComponent('?!.,;"-')}`)
  expect(punctuation.status()).toBe(200)
  expect(await punctuation.text()).toContain('has no words to search for')

  const empty = await request.get('/search?q=')
  expect(empty.status()).toBe(200)
  expect(await empty.text()).toContain('Type one or more words')

  const none = await request.get(`/search?q=${word()}&page=abc`)
  expect(none.status()).toBe(200)
  expect(await none.text()).toContain('No articles match')

  const markup = '<img src=x onerror="document.title=`pwned`"> harbour'
  await page.goto(`/search?q=${encodeURIComponent(markup)}`)
  await expect(page.getByRole('status')).toContainText(markup)
  await expect(page.locator('main').getByLabel('Search articles')).toHaveValue(markup)
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  expect(await page.title()).not.toBe('pwned')
})

test('a first page of results that found articles may be indexed; other search pages stay noindex', async ({
  editorApi,
  request,
}) => {
  const term = word()
  for (let i = 0; i < 11; i++) await article(editorApi, `Ferry ${term} ${i}`, `The ${term} timetable, part ${i}.`)
  const robots = async (path: string) => {
    const response = await request.get(path)
    expect(response.status()).toBe(200)
    const html = await response.text()
    return {
      noindex: /<meta name="robots" content="noindex/.test(html),
      canonical: html.match(/<link rel="canonical" href="([^"]+)"/)?.[1] ?? null,
      html,
    }
  }
  // Found articles, first page: indexable, one canonical address for every spelling of the query.
  const found = await robots(`/search?q=${encodeURIComponent(`  ${term}   timetable `)}`)
  expect(found.html).toMatch(/<meta name="description" content="11 articles on /)
  expect(found.noindex).toBe(false)
  expect(found.canonical).toBe(`${baseURL()}/search?q=${term}%20timetable`)
  // Nothing found (the query a spammer links to), a later page, an empty or wordless query: noindex.
  for (const path of [
    `/search?q=${encodeURIComponent(`${term} cheap-pills.example`)}`,
    `/search?q=${term}&page=2`,
    '/search',
    `/search?q=${encodeURIComponent('?!.,')}`,
    `/search?q=${encodeURIComponent(`${term} ${'timetable '.repeat(8)}`)}`,
  ]) {
    const page = await robots(path)
    expect(page.noindex, path).toBe(true)
    expect(page.canonical, path).toBeNull()
  }
})

test('author and tag pages list published articles, are cached like categories, and 404 for unknown ones', async ({
  page,
  request,
  editorApi,
}) => {
  const me = (await (await editorApi.get('/api/users/me')).json()).user
  expect(me.slug).toMatch(/^[a-z0-9-]+$/)
  const tag = `E2E Tag ${word()}`
  const tagged = await article(editorApi, `Tagged story ${word()}`, 'Body.', { tags: [tag] })
  await article(editorApi, `Hidden tagged ${word()}`, 'Body.', { tags: [tag], _status: 'draft' })

  const authorResponse = await page.goto(`/authors/${me.slug}`)
  expect(authorResponse?.status()).toBe(200)
  expect(authorResponse?.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=300')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(me.name)
  await expect(page.getByRole('link', { name: tagged.title })).toBeVisible()
  const person = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}')
  expect(person).toMatchObject({
    '@type': 'Person',
    name: me.name,
    url: expect.stringMatching(new RegExp(`/authors/${me.slug}$`)),
  })
  expect(await page.content()).not.toContain(me.email)

  // The article's byline links to that page, and its JSON-LD names the author's url.
  await page.goto(`/articles/${tagged.slug}`)
  const byline = page.locator('.article-header .authors').getByRole('link', { name: me.name })
  await expect(byline).toHaveAttribute('href', `/authors/${me.slug}`)
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents()
  const articleLd = scripts.map((text) => JSON.parse(text)).find((ld) => Array.isArray(ld.author))
  expect(articleLd?.author).toEqual([
    expect.objectContaining({ name: me.name, url: expect.stringMatching(new RegExp(`/authors/${me.slug}$`)) }),
  ])
  await byline.click()
  await expect(page).toHaveURL(new RegExp(`/authors/${me.slug}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(me.name)

  const tagSlug = slugify(tag)
  const tagResponse = await page.goto(`/tags/${tagSlug}`)
  expect(tagResponse?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(tag)
  // One story: it is the list's lead, not a grid card.
  await expect(page.locator('main article.card')).toHaveCount(1)
  await expect(page.getByRole('link', { name: tagged.title })).toBeVisible()

  for (const path of [
    `/authors/nobody-${word()}`,
    `/tags/nothing-${word()}`,
    `/authors/${me.slug}?page=abc`,
    `/tags/${tagSlug}?page=2`,
  ]) {
    expect((await request.get(path)).status(), path).toBe(404)
  }
  const sitemap = await (await request.get('/sitemap.xml')).text()
  expect(sitemap).toContain(`/authors/${me.slug}</loc>`)
  expect(sitemap).toContain(`/tags/${tagSlug}</loc>`)
})
