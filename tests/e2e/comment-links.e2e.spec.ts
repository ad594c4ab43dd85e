import type { APIRequestContext, Page } from '@playwright/test'

import { createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { readerContext } from './helpers/comments'
import { expect, test } from './helpers/fixtures'
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

  // The first reader, without JavaScript: the form posts and the page answers.
  const noJs = await report(false)
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
