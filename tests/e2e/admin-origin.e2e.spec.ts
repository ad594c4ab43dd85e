import { expect, test } from './helpers/fixtures'

// The production server runs with SERVER_URL=http://localhost:<port> (scripts/e2e.mjs). Payload
// keeps an admin sign-in only from that origin, so the login page opened at 127.0.0.1 says where
// the admin works instead of letting the sign-in lead to a half-working admin.
test('the admin login page opened at another address names SERVER_URL and links there', async ({ page, baseURL }) => {
  const expected = new URL(baseURL!).origin
  expect(new URL(expected).hostname).toBe('localhost')
  const elsewhere = expected.replace('localhost', '127.0.0.1')

  await page.goto(`${elsewhere}/admin/login`)
  const notice = page.getByRole('alert').filter({ hasText: 'This admin works only at' })
  await expect(notice).toContainText(`This admin works only at ${expected}.`)
  await expect(notice).toContainText(`You opened it at ${elsewhere}`)
  await expect(notice.getByRole('link', { name: `${expected}/admin` })).toHaveAttribute('href', `${expected}/admin`)

  await page.goto(`${expected}/admin/login`)
  await expect(page.getByLabel('Email')).toBeVisible()
  await expect(page.getByText('This admin works only at')).toHaveCount(0)
})
