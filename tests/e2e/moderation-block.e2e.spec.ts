import { loginToAdmin } from './helpers/admin'
import { createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { expectAwaiting, postComment, readerContext } from './helpers/comments'
import { expect, test } from './helpers/fixtures'
import { screenshot } from './helpers/front'
import { MODERATOR } from './helpers/staff'

test('Block this commenter: from the queue row to the comment’s page, with a reason; their comment is hidden and the next one refused', async ({
  browser,
  editorApi,
}) => {
  const slug = uniqueSlug('block')
  const article = await createArticle(editorApi, { title: 'A thread with a troll', slug, status: 'published' })
  const text = `Buy my links ${Date.now().toString(36)}`

  // A reader (their own address through the trusted proxy header) comments through the real form.
  const reader = await readerContext(browser)
  const readerPage = await reader.newPage()
  await readerPage.goto(`/articles/${slug}`)
  await postComment(readerPage, { comment: text, name: 'Troll', email: 'troll@example.test' })
  await expectAwaiting(readerPage, text)

  const mod = await staffRequest(MODERATOR)
  const found = await mod.get(`/api/comments?depth=0&where[article][equals]=${article.id}`)
  expect(found.status()).toBe(200)
  const docs = (await found.json()).docs as { id: number; body: string }[]
  expect(docs.map((d) => d.body)).toEqual([text])
  const id = docs[0].id

  const admin = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  const page = await admin.newPage()
  await loginToAdmin(page, MODERATOR)
  // From the queue: the row's "Block…" opens the comment's page with the block form open.
  await page.goto(`/admin/collections/comments?search=${encodeURIComponent(text)}&where[status][equals]=pending`)
  await page.locator('tbody tr', { hasText: text }).getByRole('link', { name: 'Block…' }).click()
  await expect(page).toHaveURL(new RegExp(`/admin/collections/comments/${id}#block-commenter$`))
  await page.getByLabel('Reason (shown to them)').fill('Link spam')
  await page.getByLabel('Mark their approved and pending comments as spam').check()
  await screenshot(page, 'moderation-block-form', 1366)
  await page.getByRole('button', { name: 'Block commenter' }).click()
  await expect(page.locator('p[role="status"]', { hasText: 'is blocked' })).toHaveText(
    'Troll is blocked: new comments from their email and address are refused. 1 comment hidden.',
  )
  const after = await mod.get(`/api/comments/${id}?depth=0`)
  expect((await after.json()).status).toBe('spam')

  // The block is listed, without the email or the address in full.
  await page.goto('/admin/collections/comment-blocks')
  const row = page.locator('tbody tr', { hasText: 'Link spam' }).first()
  await expect(row).toContainText('Troll')
  await expect(row).toContainText('t…@example.test')
  await expect(page.locator('tbody')).not.toContainText('troll@example.test')
  for (const width of [390, 1366]) await screenshot(page, 'moderation-blocks-list', width)

  // Same browser, same address, another email: refused with the ban message, nothing stored.
  await readerPage.reload()
  await postComment(readerPage, {
    comment: 'Trying again under another name.',
    name: 'Not a troll',
    email: 'fresh@example.test',
  })
  await expect(readerPage.locator('form#respond').getByRole('alert')).toHaveText(
    'You are banned from commenting on this site. Reason: Link spam',
  )
  const count = await mod.get(`/api/comments?depth=0&where[article][equals]=${article.id}`)
  expect((await count.json()).totalDocs).toBe(1)

  // Another reader, from another address, still comments.
  const other = await readerContext(browser)
  const otherPage = await other.newPage()
  await otherPage.goto(`/articles/${slug}`)
  await postComment(otherPage, { comment: 'A fair point, calmly made.', name: 'Calm', email: 'calm@example.test' })
  await expectAwaiting(otherPage, 'A fair point, calmly made.')

  for (const c of [reader, admin, other]) await c.close()
  await mod.dispose()
})
