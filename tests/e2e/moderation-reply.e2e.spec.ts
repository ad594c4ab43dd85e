import { loginToAdmin } from './helpers/admin'
import { createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { expect, test } from './helpers/fixtures'
import { screenshot } from './helpers/front'
import { MODERATOR } from './helpers/staff'

test('a moderator replies as the publication from a pending comment’s page; the reply shows under it with a Staff badge', async ({
  browser,
  editorApi,
}) => {
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
  expect(await stored.json()).toMatchObject({
    status: 'approved',
    byStaff: true,
    parent: parentId,
    article: article.id,
    authorName: publication,
  })
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
  await expect(reply.locator('.comment-author').first()).toHaveText(
    new RegExp(`^${publication.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*Staff$`),
  )
  await expect(reply.locator('.comment-staff-badge')).toHaveText('Staff')
  // The reader's own comment has no badge.
  await expect(site.locator(`#comment-${parentId} > article .comment-staff-badge`)).toHaveCount(0)
  for (const width of [390, 1366]) await screenshot(site, 'moderation-staff-reply', width)
  await screenshot(page, 'moderation-reply-admin', 1366)

  for (const c of [context, reader]) await c.close()
  await mod.dispose()
})

test('Reply on a queue row: approves a pending comment and replies as the publication; the text stays on an error', async ({
  page,
  editorApi,
}) => {
  const article = await createArticle(editorApi, {
    title: 'Replies from the queue',
    slug: uniqueSlug('row-reply'),
    status: 'published',
  })
  const mod = await staffRequest(MODERATOR)
  const marker = `rowreply${Date.now().toString(36)}`
  const post = async (body: string, status: string) => {
    const response = await mod.post('/api/comments', {
      data: { article: article.id, body, authorName: 'Curious', status },
    })
    expect(response.status(), await response.text()).toBe(201)
    return (await response.json()).doc.id as number
  }
  const pendingId = await post(`${marker} is there a sequel?`, 'pending')
  const approvedId = await post(`${marker} thanks for this`, 'approved')

  await page.setViewportSize({ width: 1366, height: 900 })
  await loginToAdmin(page, MODERATOR)
  await page.goto(`/admin/collections/comments?search=${marker}&where[status][equals]=pending`)
  const row = page.locator('tbody tr', { hasText: `${marker} is there a sequel?` })
  await expect(row).toHaveCount(1)
  await row.locator('summary', { hasText: /^Reply$/ }).click()
  const text = `Yes, in spring ${marker}.`
  await row.getByLabel('Your reply (published at once, with a Staff badge)').fill(text)
  await screenshot(page, 'moderation-row-reply', 1366)
  await row.getByRole('button', { name: 'Approve and reply' }).click()
  await expect(page.locator('.payload-toast-container')).toContainText('Reply posted as')
  // Approved, so it leaves the pending queue.
  await expect(row).toHaveCount(0)

  const replies = await mod.get(`/api/comments?where[parent][equals]=${pendingId}&depth=0`)
  expect(replies.status()).toBe(200)
  const docs = (await replies.json()).docs
  expect(docs).toHaveLength(1)
  expect(docs[0]).toMatchObject({ status: 'approved', byStaff: true, article: article.id, body: text })
  expect((await (await mod.get(`/api/comments/${pendingId}?depth=0`)).json()).status).toBe('approved')

  // An error (the comment was deleted meanwhile): the message, and the typed text is still there.
  await page.goto(`/admin/collections/comments?search=${marker}&where[status][equals]=approved`)
  const other = page.locator('tbody tr', { hasText: `${marker} thanks for this` })
  await expect(other).toHaveCount(1)
  await other.locator('summary', { hasText: /^Reply$/ }).click()
  const kept = `You are welcome ${marker}.`
  const field = other.getByLabel('Your reply (published at once, with a Staff badge)')
  await field.fill(kept)
  const deleted = await mod.delete(`/api/comments/${approvedId}`)
  expect(deleted.status()).toBe(200)
  await other.getByRole('button', { name: 'Post reply' }).click()
  await expect(page.locator('.payload-toast-container')).toContainText('Could not post the reply:')
  await expect(field).toHaveValue(kept)
  const none = await mod.get(`/api/comments?where[parent][equals]=${approvedId}&depth=0`)
  expect(none.status()).toBe(200)
  expect((await none.json()).totalDocs).toBe(0)
  await mod.dispose()
})
