import { loginToAdmin } from './helpers/admin'
import { createArticle, staffRequest, uniqueSlug } from './helpers/api'
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

test('"Create New" left without typing leaves no "<No Title>" row in the list and no "Untitled" in the Read more picker', async ({
  page,
}) => {
  const api = await staffRequest(EDITOR)
  const published = await createArticle(api, {
    title: `Pickable ${Date.now().toString(36)}`,
    slug: uniqueSlug('pickable'),
    status: 'published',
  })
  await loginToAdmin(page, EDITOR)
  // Payload saves the draft at once (autosave): the address turns into the new article's.
  await page.goto('/admin/collections/articles/create')
  await expect(page).toHaveURL(/\/admin\/collections\/articles\/\d+$/)
  const emptyId = page.url().match(/(\d+)$/)![1]

  // A second draft, this one with a title: drafts as such stay listed and offered.
  const title = `Titled draft ${Date.now().toString(36)}`
  await page.goto('/admin/collections/articles/create')
  await page.locator('#field-title').fill(title)
  await expect(page).toHaveURL(/\/admin\/collections\/articles\/\d+$/)
  const titledId = page.url().match(/(\d+)$/)![1]
  await expect
    .poll(async () => (await (await api.get(`/api/articles/${titledId}?draft=true&depth=0`)).json()).title)
    .toBe(title)
  // Both exist: the empty one is hidden, not missing.
  expect((await api.get(`/api/articles/${emptyId}?draft=true&depth=0`)).status()).toBe(200)

  // Newest first, never-published drafts on top: the empty one would be the first row.
  await page.goto('/admin/collections/articles')
  await expect(page.locator(`tbody a[href$="/admin/collections/articles/${titledId}"]`).first()).toBeVisible()
  await expect(page.locator(`tbody a[href$="/admin/collections/articles/${published.id}"]`).first()).toBeVisible()
  await expect(page.locator(`tbody a[href$="/admin/collections/articles/${emptyId}"]`)).toHaveCount(0)
  await expect(page.locator('table tbody')).not.toContainText('<No Title>')

  // The Read more picker on the titled draft offers articles, none of them "Untitled".
  await page.goto(`/admin/collections/articles/${titledId}`)
  await page.locator('#field-relatedArticles .rs__control').click()
  const options = page.locator('.rs__option')
  await expect(options.first()).toBeVisible()
  await expect(page.locator('.rs__menu')).toContainText(published.title)
  expect((await options.allTextContents()).filter((text) => /Untitled|ID: /.test(text))).toEqual([])
  await api.dispose()
})
