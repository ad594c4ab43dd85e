import type { APIRequestContext } from '@playwright/test'

import { loginToAdmin } from './helpers/admin'
import { createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { expect, test } from './helpers/fixtures'
import { screenshot } from './helpers/front'
import { MODERATOR } from './helpers/staff'

async function statusOf(mod: APIRequestContext, id: number): Promise<string> {
  const response = await mod.get(`/api/comments/${id}?depth=0`)
  expect(response.status()).toBe(200)
  return (await response.json()).status
}

test('keyboard moderation in the queue: j/k move, a/s/t decide, u undoes', async ({ page, editorApi }) => {
  const article = await createArticle(editorApi, {
    title: 'Keyboard queue',
    slug: uniqueSlug('keys'),
    status: 'published',
  })
  const mod = await staffRequest(MODERATOR)
  const marker = `keys${Date.now().toString(36)}`
  const ids: number[] = []
  for (const n of [1, 2, 3]) {
    const response = await mod.post('/api/comments', {
      data: { article: article.id, body: `${marker} comment ${n}`, authorName: 'Pat' },
    })
    expect(response.status(), await response.text()).toBe(201)
    ids.push((await response.json()).doc.id)
  }
  const [first, second, third] = ids

  await page.setViewportSize({ width: 1366, height: 900 })
  await loginToAdmin(page, MODERATOR)
  await page.goto(`/admin/collections/comments?search=${marker}&where[status][equals]=pending`)
  const rows = page.locator('tbody tr', { hasText: marker })
  // Newest first.
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText(`${marker} comment 3`)
  await expect(page.getByText('Keyboard: j/k next/previous')).toBeVisible()
  // The shortcuts are heard once the queue has hydrated.
  await expect(page.locator('[data-byline-admin="shortcuts"][data-listening]')).toBeVisible()
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())

  const current = page.locator('tbody tr[aria-current="true"]')
  await page.keyboard.press('j')
  await expect(current).toContainText(`${marker} comment 3`)
  await page.keyboard.press('j')
  await expect(current).toContainText(`${marker} comment 2`)
  await page.keyboard.press('k')
  await expect(current).toContainText(`${marker} comment 3`)
  await screenshot(page, 'moderation-keyboard', 1366)

  // a: the third is approved and leaves the pending queue; the next one becomes current.
  await page.keyboard.press('a')
  await expect(rows).toHaveCount(2)
  expect(await statusOf(mod, third)).toBe('approved')
  await expect(current).toContainText(`${marker} comment 2`)

  // s, then u: spam, undone.
  await page.keyboard.press('s')
  await expect(rows).toHaveCount(1)
  expect(await statusOf(mod, second)).toBe('spam')
  await page.keyboard.press('u')
  await expect(rows).toHaveCount(2)
  expect(await statusOf(mod, second)).toBe('pending')

  // t on the last row.
  await page.keyboard.press('j')
  await expect(current).toContainText(`${marker} comment 1`)
  await page.keyboard.press('t')
  await expect(rows).toHaveCount(1)
  expect(await statusOf(mod, first)).toBe('trash')

  // Keys typed into the search box moderate nothing (the remaining row stays current).
  await expect(current).toContainText(`${marker} comment 2`)
  const search = page.getByPlaceholder(/search/i).first()
  await search.press('End')
  await search.press('a')
  await expect(search).toHaveValue(`${marker}a`)
  expect(await statusOf(mod, second)).toBe('pending')
  await mod.dispose()
})
