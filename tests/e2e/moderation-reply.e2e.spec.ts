import { loginToAdmin } from './helpers/admin'
import { createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { expect, test } from './helpers/fixtures'
import { screenshot } from './helpers/front'
import { MODERATOR } from './helpers/staff'

test('a moderator replies as the publication from a pending comment’s page; the reply shows under it with a Staff badge', async ({ browser, editorApi }) => {
  const slug = uniqueSlug('staff-reply')
  const article = await createArticle(editorApi, { title: 'Questions from readers', slug, status: 'published' })
  const mod = await staffRequest(MODERATOR)
  const created = await mod.post('/api/comments', {
    data: { article: article.id, body: 'When will the follow-up appear?', authorName: 'Curious', status: 'pending' },
  })
  expect(created.status(), await created.text()).toBe(201)
  const parentId = (await created.json()).doc.id as number

  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  const page = await context.newPage()
  await loginToAdmin(page, MODERATOR)
  await page.goto(`/admin/collections/comments/${parentId}`)
  const summary = page.locator('summary', { hasText: /^Reply as / })
  await expect(summary).toBeVisible()
  const publication = (await summary.innerText()).replace(/^Reply as /, '').trim()
  expect(publication.length).toBeGreaterThan(0)
  await summary.click()
  const text = `Next Tuesday, with the documents ${Date.now().toString(36)}.`
  await page.getByLabel('Your reply (published at once, with a Staff badge)').fill(text)
  // Pending: replying approves the comment first (a reply under a hidden comment would be hidden).
  await page.getByRole('button', { name: 'Approve and reply' }).click()
  const posted = page.locator('p[role="status"]', { hasText: 'Reply posted as' })
  await expect(posted).toBeVisible()
  const href = await posted.getByRole('link', { name: 'View the reply on site' }).getAttribute('href')
  const replyId = Number(/^\/comments\/(\d+)$/.exec(href ?? '')?.[1])
  expect(replyId).toBeGreaterThan(parentId)

  const stored = await mod.get(`/api/comments/${replyId}?depth=0`)
  expect(stored.status()).toBe(200)
  expect(await stored.json()).toMatchObject({ status: 'approved', byStaff: true, parent: parentId, article: article.id, authorName: publication })
  expect((await (await mod.get(`/api/comments/${parentId}?depth=0`)).json()).status).toBe('approved')

  // On the article page: the reply, indented under the comment, with the badge next to the name.
  const reader = await browser.newContext()
  const site = await reader.newPage()
  const reply = site.locator(`#comment-${parentId} #comment-${replyId}`)
  await expect(async () => {
    await site.goto(`/articles/${slug}`)
    await expect(reply).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 10_000 })
  await expect(reply).toContainText(text)
  await expect(reply.locator('.comment-author').first()).toHaveText(new RegExp(`^${publication.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*Staff$`))
  await expect(reply.locator('.comment-staff-badge')).toHaveText('Staff')
  // The reader's own comment has no badge.
  await expect(site.locator(`#comment-${parentId} > article .comment-staff-badge`)).toHaveCount(0)
  for (const width of [390, 1366]) await screenshot(site, 'moderation-staff-reply', width)
  await screenshot(page, 'moderation-reply-admin', 1366)

  for (const c of [context, reader]) await c.close()
  await mod.dispose()
})
