import { loginToAdmin } from './helpers/admin'
import { expect, test } from './helpers/fixtures'
import { ADMIN, MODERATOR } from './helpers/staff'

// Discussion settings are an administrator's, as in WordPress: a moderator reads them in the
// admin (to know why a comment was held) but cannot change them there or through its API.
test('a moderator reads the Discussion settings in the admin but cannot change them; an admin can', async ({
  browser,
}) => {
  const modContext = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  const modPage = await modContext.newPage()
  await loginToAdmin(modPage, MODERATOR)
  await modPage.goto('/admin/globals/discussion')
  const closeAfter = modPage.locator('#field-closeAfterDays')
  await expect(closeAfter).toBeVisible()
  await expect(closeAfter).toBeDisabled()
  await expect(modPage.locator('#field-requireLogin')).toBeDisabled()
  await expect(modPage.locator('#action-save')).toHaveCount(0)
  // The same session's request, as the admin's form would send it, is refused and changes nothing.
  const before = await (await modPage.request.get('/api/globals/discussion')).json()
  const refused = await modPage.request.post('/api/globals/discussion', { data: { closeAfterDays: 1 } })
  expect(refused.status()).toBe(403)
  const after = await (await modPage.request.get('/api/globals/discussion')).json()
  expect(after.closeAfterDays).toBe(before.closeAfterDays)
  await modContext.close()

  const adminContext = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  const adminPage = await adminContext.newPage()
  await loginToAdmin(adminPage, ADMIN)
  await adminPage.goto('/admin/globals/discussion')
  await expect(adminPage.locator('#field-closeAfterDays')).toBeEditable()
  await expect(adminPage.locator('#action-save')).toBeVisible()
  await adminContext.close()
})
