import type { APIRequestContext, Page } from '@playwright/test'

import { createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { readerContext } from './helpers/comments'
import { expect, test } from './helpers/fixtures'
import { noAxeViolations, screenshot } from './helpers/front'
import { MODERATOR } from './helpers/staff'

async function comment(mod: APIRequestContext, articleId: number, body: string, status = 'approved'): Promise<number> {
  const response = await mod.post('/api/comments', { data: { article: articleId, body, authorName: 'Pat', status } })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).doc.id
}

/** The items of an RSS document, parsed by the browser's XML parser (a parse error fails). */
async function rssItems(page: Page, url: string) {
  const response = await page.request.get(url)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('application/rss+xml')
  const xml = await response.text()
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml')
    if (doc.querySelector('parsererror')) throw new Error('not well-formed XML')
    if (doc.documentElement.nodeName !== 'rss' || !doc.querySelector('rss > channel > title'))
      throw new Error('not RSS')
    return [...doc.querySelectorAll('channel > item')].map((item) => ({
      title: item.querySelector('title')?.textContent ?? '',
      link: item.querySelector('link')?.textContent ?? '',
      description: item.querySelector('description')?.textContent ?? '',
    }))
  }, xml)
}

test('comment permalinks answer 301 to the page and anchor; feeds list the approved comments', async ({
  page,
  editorApi,
}) => {
  const article = await createArticle(editorApi, {
    title: 'Permalinks & feeds',
    slug: uniqueSlug('permalinks'),
    status: 'published',
  })
  const mod = await staffRequest(MODERATOR)
  const first = await comment(mod, article.id, 'First <b>approved</b> comment.')
  const second = await comment(mod, article.id, 'Second approved comment.')
  const pending = await comment(mod, article.id, 'Still pending.', 'pending')

  const redirect = await page.request.get(`/comments/${second}`, { maxRedirects: 0 })
  expect(redirect.status()).toBe(301)
  expect(new URL(redirect.headers().location).pathname + new URL(redirect.headers().location).hash).toBe(
    `/articles/${article.slug}#comment-${second}`,
  )
  for (const id of [pending, 999999999])
    expect((await page.request.get(`/comments/${id}`, { maxRedirects: 0 })).status()).toBe(404)
  expect((await page.request.get('/comments/abc', { maxRedirects: 0 })).status()).toBe(404)

  await page.goto(`/comments/${second}`)
  await expect(page).toHaveURL(new RegExp(`/articles/${article.slug}#comment-${second}$`))
  const target = page.locator(`#comment-${second}`)
  await expect(target).toBeInViewport()
  await expect(target.locator('a.comment-date')).toHaveAttribute('href', `#comment-${second}`)

  // The article names its comment feed (and the site's) in <link rel="alternate">.
  const feeds = await page
    .locator('link[rel="alternate"][type="application/rss+xml"]')
    .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href))
  expect(feeds).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/\/comments\.xml$/),
      expect.stringMatching(new RegExp(`/articles/${article.slug}/comments\\.xml$`)),
    ]),
  )

  const own = await rssItems(page, `/articles/${article.slug}/comments.xml`)
  expect(own.map((i) => i.link.replace(/^https?:\/\/[^/]+/, ''))).toEqual([`/comments/${second}`, `/comments/${first}`])
  expect(own[1].description).toBe('First <b>approved</b> comment.')
  const site = await rssItems(page, '/comments.xml')
  expect(site.length).toBeGreaterThan(1)
  expect(site.map((i) => i.link)).toEqual(
    expect.arrayContaining([expect.stringMatching(new RegExp(`/comments/${second}$`))]),
  )
  expect(site.map((i) => i.description)).not.toContain('Still pending.')
  await mod.dispose()
})

test('readers report a comment (JavaScript on and off); at the threshold it leaves the page for the queue', async ({
  browser,
  editorApi,
}) => {
  const article = await createArticle(editorApi, {
    title: 'Reported comments',
    slug: uniqueSlug('report'),
    status: 'published',
  })
  const mod = await staffRequest(MODERATOR)
  const threshold = (await (await mod.get('/api/globals/discussion')).json()).reportThreshold ?? 3
  expect(threshold).toBeGreaterThan(1)
  const id = await comment(mod, article.id, 'A comment readers dislike.')
  const articlePath = `/articles/${article.slug}`

  async function report(javaScript: boolean) {
    const context = await readerContext(browser, { javaScript })
    const page = await context.newPage()
    await page.goto(articlePath)
    const item = page.locator(`#comment-${id}`)
    await item.getByText('Report', { exact: true }).click()
    await item.getByLabel('Why report this comment?').selectOption('abuse')
    await item.getByRole('button', { name: 'Send report' }).click()
    return { context, page, item }
  }

  // The first reader, without JavaScript: the link leads to the comment's report page, whose form
  // posts and answers there.
  const noJs = await report(false)
  await expect(noJs.page).toHaveURL(new RegExp(`/comments/${id}/report$`))
  await expect(noJs.page.locator('h1')).toHaveText('Report a comment')
  await expect(noJs.page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
  await expect(noJs.page.locator(`#comment-${id}`).getByRole('status')).toContainText(
    'A moderator will look at this comment.',
  )
  // Again from the same address: refused.
  await noJs.page.goto(articlePath)
  const again = noJs.page.locator(`#comment-${id}`)
  await again.getByText('Report', { exact: true }).click()
  await again.getByLabel('Why report this comment?').selectOption('spam')
  await again.getByRole('button', { name: 'Send report' }).click()
  await expect(noJs.page.locator(`#comment-${id}`).getByRole('alert')).toContainText('already reported')
  await noJs.context.close()

  for (let n = 2; n < threshold; n++) {
    const reader = await report(true)
    await expect(reader.item.getByRole('status')).toContainText('A moderator will look at this comment.')
    // With JavaScript the form opened under the comment, on the article page.
    await expect(reader.page).toHaveURL(new RegExp(`${articlePath}$`))
    await reader.context.close()
  }
  // The last one needed: the action sends the comment back to the queue.
  const last = await readerContext(browser)
  const lastPage = await last.newPage()
  await lastPage.goto(articlePath)
  const item = lastPage.locator(`#comment-${id}`)
  await item.getByText('Report', { exact: true }).click()
  await item.getByLabel('Why report this comment?').selectOption('off-topic')
  const answered = lastPage.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(articlePath))
  await item.getByRole('button', { name: 'Send report' }).click()
  expect((await answered).status()).toBe(200)
  await last.close()

  // The comment is back in the queue and gone from the page; moderators see the reports.
  const status = (await (await mod.get(`/api/comments/${id}`)).json()).status
  expect(status).toBe('pending')
  const fresh = await readerContext(browser)
  const page = await fresh.newPage()
  await page.goto(articlePath)
  await expect(page.locator('h1')).toHaveText(article.title)
  await expect(page.locator(`#comment-${id}`)).toHaveCount(0)
  const reports = await (await mod.get(`/api/comment-reports?where[comment][equals]=${id}`)).json()
  expect(reports.totalDocs).toBe(threshold)
  expect((await fresh.request.get(`/api/comment-reports?where[comment][equals]=${id}`)).status()).toBe(403)
  await fresh.close()
  await mod.dispose()
})

test('the article page carries one Report link per comment, not a form each; the form opens and closes under the comment; report pages of unknown or unapproved comments are 404', async ({
  browser,
  editorApi,
}) => {
  const article = await createArticle(editorApi, {
    title: 'Report links',
    slug: uniqueSlug('report-links'),
    status: 'published',
  })
  const mod = await staffRequest(MODERATOR)
  const ids = [
    await comment(mod, article.id, 'First remark.'),
    await comment(mod, article.id, 'Second remark.'),
    await comment(mod, article.id, 'Third remark.'),
  ]
  const pending = await comment(mod, article.id, 'Not yet approved.', 'pending')
  const context = await readerContext(browser)
  const page = await context.newPage()
  const response = await page.goto(`/articles/${article.slug}`)
  expect(response?.status()).toBe(200)
  const links = page.locator('.comment-list a.comment-report')
  await expect(links).toHaveCount(3)
  for (const [i, commentId] of ids.entries())
    await expect(links.nth(i)).toHaveAttribute('href', `/comments/${commentId}/report`)
  const html = (await response!.text()) ?? ''
  expect(html).toContain('class="comment-report"')
  expect(html).not.toContain('Why report this comment?')

  const item = page.locator(`#comment-${ids[1]}`)
  await item.getByText('Report', { exact: true }).click()
  await expect(item.getByLabel('Why report this comment?')).toBeFocused()
  await expect(page.locator('form.comment-report-form')).toHaveCount(1)
  await expect(item.locator('a.comment-report')).toHaveAttribute('aria-expanded', 'true')
  await item.getByText('Report', { exact: true }).click()
  await expect(page.locator('form.comment-report-form')).toHaveCount(0)
  await expect(item.locator('a.comment-report')).toHaveAttribute('aria-expanded', 'false')

  for (const path of [
    `/comments/${pending}/report`,
    '/comments/999999999/report',
    '/comments/9999999999/report',
    '/comments/9999999999',
    '/comments/abc/report',
  ]) {
    const answer = await page.request.get(path)
    expect(answer.status(), path).toBe(404)
  }
  // Open, the form passes axe on the article page; the report page too, and looks like the site.
  await item.getByText('Report', { exact: true }).click()
  await expect(item.getByLabel('Why report this comment?')).toBeVisible()
  await noAxeViolations(page)
  const own = await page.goto(`/comments/${ids[0]}/report`)
  expect(own?.status()).toBe(200)
  await expect(page.locator(`#comment-${ids[0]}`)).toContainText('First remark.')
  await expect(page.getByRole('link', { name: 'Report links' })).toHaveAttribute('href', `/comments/${ids[0]}`)
  await noAxeViolations(page)
  for (const width of [390, 1366]) await screenshot(page, 'comment-report-page', width)
  await context.close()
  await mod.dispose()
})
