import { loginToAdmin } from './helpers/admin'
import { expect, test } from './helpers/fixtures'
import { EDITOR } from './helpers/staff'

test('staff see their initials as the account picture (no image from an outside service)', async ({ page }) => {
  const outside: string[] = []
  page.on('request', (r) => {
    if (!r.url().startsWith(new URL(page.url() || 'http://localhost').origin) && /gravatar/.test(r.url())) outside.push(r.url())
  })
  await loginToAdmin(page, EDITOR)
  const account = page.locator('a[href$="/admin/account"]').first()
  await expect(account).toBeVisible()
  await expect(account).toContainText('EE')
  await expect(account.locator('img')).toHaveCount(0)
  expect(outside).toEqual([])
})

test('scheduling starts in the publication’s time zone (UTC by default)', async ({ page }) => {
  await loginToAdmin(page, EDITOR)
  await page.goto('/admin/collections/articles/create')
  await page.locator('#field-title').fill(`Scheduled in UTC ${Date.now().toString(36)}`)
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page.locator('.payload-toast-container')).toContainText(/successfully/i)
  await page.locator('.popup-button', { has: page.locator('svg') }).last().click()
  await page.getByRole('button', { name: 'Schedule Publish' }).click()
  const drawer = page.locator('[id^="schedule-publish-"]').last()
  await expect(drawer).toContainText('UTC')
})
