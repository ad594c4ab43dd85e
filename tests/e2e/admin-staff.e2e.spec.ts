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

  test('scheduling a new draft starts on Publish, in the publication’s time zone (UTC by default), and says what each choice does', async ({
    page,
  }) => {
    await loginToAdmin(page, EDITOR)
    await page.goto('/admin/collections/articles/create')
    await page.locator('#field-title').fill(`Scheduled in UTC ${Date.now().toString(36)}`)
    // Autosave stores the draft; the publish button's menu then offers "Schedule Publish".
    await expect(page).toHaveURL(/\/admin\/collections\/articles\/\d+$/)
    await page.locator('#action-save').locator('xpath=..').getByRole('button').last().click()
    await page.locator('#schedule-publish').click()
    const drawer = page.locator('.schedule-publish')
    // Payload's two radios carry no value: Publish is the first, Unpublish the second.
    const radios = drawer.locator('.schedule-publish__type input[type="radio"]')
    await expect(radios).toHaveCount(2)
    await expect(drawer.locator('.schedule-publish__type .radio-input__label')).toHaveText(['Publish', 'Unpublish'])
    await expect(page.locator('.timezone-picker').last()).toContainText('UTC')
    // Payload's own default for a never-published document is Unpublish.
    await expect(radios.nth(0)).toBeChecked()
    await expect(radios.nth(1)).not.toBeChecked()
    await expect(drawer.locator('.byline-schedule-note')).toHaveCount(1)
    await expect(drawer.locator('.byline-schedule-note')).toContainText('this draft goes live at the chosen time')
    // The choice stays the editor's: Unpublish can still be picked.
    await radios.nth(1).click({ force: true })
    await expect(radios.nth(1)).toBeChecked()
  })
})
