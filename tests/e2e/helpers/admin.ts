import { expect, type Page } from '@playwright/test'

import type { Staff } from './staff'

/** Signs in through the real /admin login form and waits for the dashboard. */
export async function loginToAdmin(page: Page, user: Staff) {
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin\/login/)
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page.getByRole('heading', { name: 'Collections' })).toBeVisible()
}

/**
 * The Lexical editor of the document form. It only becomes editable once the page has hydrated,
 * so waiting for it also keeps keystrokes from landing in server-rendered inputs that React resets.
 */
export async function richTextEditor(page: Page) {
  const editor = page.locator('[data-lexical-editor="true"][contenteditable="true"]')
  await expect(editor).toBeVisible()
  return editor
}
