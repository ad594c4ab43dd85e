import type { APIRequestContext, Page } from '@playwright/test'

import { loginToAdmin } from './helpers/admin'
import { createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { expect, test } from './helpers/fixtures'
import { screenshot } from './helpers/front'
import { MODERATOR } from './helpers/staff'

async function comment(mod: APIRequestContext, articleId: number, body: string, status: string): Promise<number> {
  const response = await mod.post('/api/comments', { data: { article: articleId, body, authorName: 'Pat', status } })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).doc.id
}

async function statuses(mod: APIRequestContext, ids: number[]): Promise<string[]> {
  const out: string[] = []
  for (const id of ids) {
    const response = await mod.get(`/api/comments/${id}?depth=0`)
    expect(response.status()).toBe(200)
    out.push((await response.json()).status)
  }
  return out
}

/** Every status of this test's comments (an explicit filter, so the list does not open on the queue). */
const allOf = (marker: string) =>
  `/admin/collections/comments?search=${encodeURIComponent(marker)}&where[status][in][0]=pending&where[status][in][1]=approved&where[status][in][2]=spam&where[status][in][3]=trash`

async function select(page: Page, marker: string, names: string[]) {
  for (const name of names)
    await page
      .locator('tbody tr', { hasText: `${marker} ${name}` })
      .getByRole('checkbox')
      .check()
}

test('undo after a bulk action restores only what it changed, by button or u; an editor may not undo', async ({
  page,
  editorApi,
}) => {
  const article = await createArticle(editorApi, {
    title: 'Bulk undo',
    slug: uniqueSlug('bulk-undo'),
    status: 'published',
  })
  const mod = await staffRequest(MODERATOR)
  const marker = `bulkundo${Date.now().toString(36)}`
  const first = await comment(mod, article.id, `${marker} first`, 'pending')
  const second = await comment(mod, article.id, `${marker} second`, 'pending')
  const spam = await comment(mod, article.id, `${marker} spammy`, 'spam')
  const kept = await comment(mod, article.id, `${marker} kept`, 'approved')
  const ids = [first, second, spam, kept]

  await page.setViewportSize({ width: 1366, height: 900 })
  await loginToAdmin(page, MODERATOR)
  await page.goto(allOf(marker))
  const rows = page.locator('tbody tr', { hasText: marker })
  await expect(rows).toHaveCount(4)

  // Approve all four: three change, the approved one was approved already.
  await select(page, marker, ['first', 'second', 'spammy', 'kept'])
  const bulk = page.getByRole('group', { name: 'Bulk moderation' })
  await expect(bulk).toContainText('4 comments selected')
  await bulk.getByRole('button', { name: 'Approve selected' }).click()
  const undoBar = page.locator('p[role="status"]', { hasText: '3 comments approved.' })
  await expect(undoBar).toBeVisible()
  await expect(page.locator('.payload-toast-container')).toContainText('3 comments approved.')
  await expect.poll(() => statuses(mod, ids)).toEqual(['approved', 'approved', 'approved', 'approved'])
  await screenshot(page, 'moderation-bulk-undo', 1366)

  // Someone trashes one in between: undo leaves that one as it is.
  const meanwhile = await mod.patch(`/api/comments/${second}`, { data: { status: 'trash' } })
  expect(meanwhile.status()).toBe(200)
  await undoBar.getByRole('button', { name: 'Undo' }).click()
  await expect(page.locator('.payload-toast-container')).toContainText(
    'Undone: 2 comments back to their previous status. 1 comment changed since, left as it is.',
  )
  expect(await statuses(mod, ids)).toEqual(['pending', 'trash', 'spam', 'approved'])
  await expect(undoBar).toHaveCount(0)
  await expect(rows.filter({ hasText: `${marker} spammy` }).locator('[data-status]')).toHaveAttribute(
    'data-status',
    'spam',
  )

  // u undoes a bulk action too.
  await select(page, marker, ['first', 'kept'])
  await bulk.getByRole('button', { name: 'Mark selected as spam' }).click()
  await expect(page.locator('p[role="status"]', { hasText: '2 comments marked as spam.' })).toBeVisible()
  await expect.poll(() => statuses(mod, [first, kept])).toEqual(['spam', 'spam'])
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('u')
  await expect(page.locator('.payload-toast-container')).toContainText(
    'Undone: 2 comments back to their previous status.',
  )
  await expect.poll(() => statuses(mod, [first, kept])).toEqual(['pending', 'approved'])
  await page.keyboard.press('u')
  await expect(page.locator('.payload-toast-container')).toContainText('Nothing to undo.')

  // The undo is the moderator's own REST update: an editor's identical request is refused.
  const refused = await editorApi.patch(
    `/api/comments?where[and][0][id][in][0]=${first}&where[and][1][status][equals]=pending`,
    {
      data: { status: 'spam' },
    },
  )
  expect(refused.status()).toBe(403)
  expect(await statuses(mod, [first])).toEqual(['pending'])
  await mod.dispose()
})
