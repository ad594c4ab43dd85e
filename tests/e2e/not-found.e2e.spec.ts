import { expect, test } from '@playwright/test'

test('an unknown article answers 404 with the "Page not found" page', async ({ page }) => {
  const response = await page.goto('/articles/no-such-article-xyz')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
})
