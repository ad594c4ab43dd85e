import type { APIRequestContext, Page } from '@playwright/test'

import { loginToAdmin } from './helpers/admin'
import { createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { expect, test } from './helpers/fixtures'
import { screenshot } from './helpers/front'
import { EDITOR, MODERATOR } from './helpers/staff'

async function comment(mod: APIRequestContext, articleId: number, body: string, status = 'pending'): Promise<number> {
  const response = await mod.post('/api/comments', { data: { article: articleId, body, authorName: 'Pat', status } })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).doc.id
}

async function statusOf(mod: APIRequestContext, id: number): Promise<string> {
  const response = await mod.get(`/api/comments/${id}?depth=0`)
  expect(response.status()).toBe(200)
  return (await response.json()).status
}

/** The pending queue narrowed to this test's comments (the search box's own parameter). */
const queueOf = (marker: string, limit = 25) =>
  `/admin/collections/comments?limit=${limit}&search=${encodeURIComponent(marker)}&where[status][equals]=pending`

const moderation = (page: Page) => page.getByRole('group', { name: 'Moderate this comment' })

test('the comments list shows each row’s article title, rows below the fold included', async ({ page, editorApi }) => {
  const marker = `rowtitle${Date.now().toString(36)}`
  const titles = ['Harbour lights at dusk', 'A ledger of small debts', 'The quiet reservoir']
  const articles = []
  for (const title of titles)
    articles.push(await createArticle(editorApi, { title, slug: uniqueSlug('rows'), status: 'published' }))
  const mod = await staffRequest(MODERATOR)
  for (let i = 0; i < 14; i += 1)
    await comment(mod, articles[i % articles.length].id, `${marker} remark number ${i + 1}`)

  await page.setViewportSize({ width: 1366, height: 900 })
  await loginToAdmin(page, MODERATOR)
  await page.goto(queueOf(marker))
  const rows = page.locator('tbody tr', { hasText: marker })
  await expect(rows).toHaveCount(14)
  // Without scrolling: every row, the last ones below the fold too, names its article.
  for (let i = 0; i < 14; i += 1) {
    const row = rows.nth(i)
    const body = (await row.locator('td.cell-excerpt').innerText()).trim()
    const n = Number(/remark number (\d+)/.exec(body)?.[1])
    expect(n, body).toBeGreaterThan(0)
    await expect(row.locator('td.cell-article')).toHaveText(titles[(n - 1) % titles.length])
  }
  await expect(page.locator('td.cell-article', { hasText: '<No Article>' })).toHaveCount(0)
  for (const width of [390, 1366]) await screenshot(page, 'moderation-queue-titles', width)
  await mod.dispose()
})

test('a comment’s own page: Approve, Spam, Trash and View on site', async ({ browser, editorApi }) => {
  const article = await createArticle(editorApi, {
    title: 'One comment, decided on its page',
    slug: uniqueSlug('single'),
    status: 'published',
  })
  const mod = await staffRequest(MODERATOR)
  const id = await comment(mod, article.id, 'Decide me on my own page.')

  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  const page = await context.newPage()
  await loginToAdmin(page, MODERATOR)
  await page.goto(`/admin/collections/comments/${id}`)
  const buttons = moderation(page)
  await expect(buttons.getByRole('button', { name: 'Approve' })).toBeVisible()
  // Pending: not on the page yet, so the link goes to the article.
  const link = page.getByRole('link', { name: /^View on site/ })
  await expect(link).toHaveAttribute('href', `/articles/${article.slug}`)
  await screenshot(page, 'moderation-single-pending', 1366)

  await buttons.getByRole('button', { name: 'Approve' }).click()
  await expect(buttons.getByRole('button', { name: 'Approve' })).toHaveCount(0)
  await expect(buttons.getByRole('button', { name: 'Spam' })).toBeVisible()
  expect(await statusOf(mod, id)).toBe('approved')
  await expect(link).toHaveAttribute('href', `/comments/${id}`)

  // The link leads to the comment where it sits on the article page.
  const site = await context.newPage()
  await site.goto(`/comments/${id}`)
  await expect(site).toHaveURL(new RegExp(`/articles/${article.slug}#comment-${id}$`))
  await expect(site.locator(`#comment-${id}`)).toContainText('Decide me on my own page.')
  await site.close()

  await buttons.getByRole('button', { name: 'Spam' }).click()
  await expect(buttons.getByRole('button', { name: 'Spam' })).toHaveCount(0)
  expect(await statusOf(mod, id)).toBe('spam')
  await expect(link).toHaveAttribute('href', `/articles/${article.slug}`)

  await buttons.getByRole('button', { name: 'Trash' }).click()
  await expect(buttons.getByRole('button', { name: 'Trash' })).toHaveCount(0)
  expect(await statusOf(mod, id)).toBe('trash')
  for (const width of [390, 1366]) await screenshot(page, 'moderation-single', width)
  await context.close()

  // An editor reads comments but does not decide: the link, no buttons.
  const editorContext = await browser.newContext()
  const editorPage = await editorContext.newPage()
  await loginToAdmin(editorPage, EDITOR)
  await editorPage.goto(`/admin/collections/comments/${id}`)
  await expect(editorPage.getByRole('link', { name: /^View on site/ })).toBeVisible()
  await expect(moderation(editorPage)).toHaveCount(0)
  await editorContext.close()
  await mod.dispose()
})
