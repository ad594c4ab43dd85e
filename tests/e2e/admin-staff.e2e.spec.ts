import { loginToAdmin } from './helpers/admin'
import { expect, test } from './helpers/fixtures'
import { EDITOR } from './helpers/staff'

test('staff see their initials as the account picture (no image from an outside service)', async ({ page }) => {
  const outside: string[] = []
  page.on('request', (r) => {
    if (!r.url().startsWith(new URL(page.url() || 'http://localhost').origin) && /gravatar/.test(r.url()))
      outside.push(r.url())
  })
  await loginToAdmin(page, EDITOR)
  const account = page.locator('a[href$="/admin/account"]').first()
  await expect(account).toBeVisible()
  await expect(account).toContainText('EE')
  await expect(account.locator('img')).toHaveCount(0)
  expect(outside).toEqual([])
})

test.describe('an editor whose browser is in New York', () => {
  // Without the site's time zone the picker would start in the browser's own.
  test.use({ timezoneId: 'America/New_York' })

  test('scheduling starts in the publication’s time zone (UTC by default)', async ({ page }) => {
    await loginToAdmin(page, EDITOR)
    await page.goto('/admin/collections/articles/create')
    await page.locator('#field-title').fill(`Scheduled in UTC ${Date.now().toString(36)}`)
    // Autosave stores the draft; the publish button's menu then offers "Schedule Publish".
    await expect(page).toHaveURL(/\/admin\/collections\/articles\/\d+$/)
    await page.locator('#action-save').locator('xpath=..').getByRole('button').last().click()
    await page.locator('#schedule-publish').click()
    await expect(page.locator('.timezone-picker').last()).toContainText('UTC')
  })
})
