import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test'

// A random start: Playwright restarts its worker after a failure, and a counter from 10 again
// would hand the next tests the addresses earlier readers used (flood limits, block counts).
let next = 10 + Math.floor(Math.random() * 60_000)
/**
 * A reader's browser with its own client address: the server under test trusts 127.0.0.1 as a
 * proxy (TRUSTED_PROXIES), so X-Forwarded-For gives each reader a distinct address and the
 * flood and per-address limits apply per reader, as they would in production.
 */
export async function readerContext(browser: Browser, { javaScript = true } = {}): Promise<BrowserContext> {
  next += 1
  return browser.newContext({
    javaScriptEnabled: javaScript,
    extraHTTPHeaders: { 'X-Forwarded-For': `198.51.${Math.floor(next / 250)}.${next % 250}` },
  })
}

export type CommentFields = { comment?: string; name?: string; email?: string; website?: string }

/** Fills the real form; with JavaScript on, waits past the minimum time a human needs. */
export async function fillCommentForm(page: Page, fields: CommentFields) {
  const form = page.locator('form#respond')
  if (fields.comment !== undefined) await form.getByLabel('Comment', { exact: true }).fill(fields.comment)
  if (fields.name !== undefined) await form.getByLabel(/^Name\*?$/).fill(fields.name)
  if (fields.email !== undefined) await form.getByLabel(/^Email\*?$/).fill(fields.email)
  if (fields.website !== undefined) await form.getByLabel('Website', { exact: true }).fill(fields.website)
}

export async function postComment(page: Page, fields: CommentFields, { humanDelayMs = 3200 } = {}) {
  await fillCommentForm(page, fields)
  if (humanDelayMs) await page.waitForTimeout(humanDelayMs)
  await page.getByRole('button', { name: 'Post Comment' }).click()
}

export async function expectAwaiting(page: Page, text: string) {
  const own = page.locator('.comment-pending', { hasText: text })
  await expect(own).toBeVisible()
  await expect(own).toContainText('Your comment is awaiting moderation.')
}
