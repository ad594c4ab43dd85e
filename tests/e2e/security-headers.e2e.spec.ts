import { expect } from '@playwright/test'

import { loginToAdmin } from './helpers/admin'
import { createArticle, uniqueSlug } from './helpers/api'
import { test } from './helpers/fixtures'
import { ADMIN } from './helpers/staff'

/** #11 F10: the header set, on a fresh render, from Next's cache and from the launcher's page copy. */
test('reader pages send a CSP and frame rules, also when served from the page copy', async ({ request, editorApi }) => {
  const slug = uniqueSlug('headers')
  await createArticle(editorApi, { title: 'Headed story', slug, status: 'published' })
  const seen: string[] = []
  await expect(async () => {
    const response = await request.get(`/articles/${slug}`)
    expect(response.status()).toBe(200)
    const headers = response.headers()
    seen.push(headers['x-byline-cache'] ?? headers['x-nextjs-cache'] ?? 'render')
    const csp = headers['content-security-policy']
    expect(csp).toContain("frame-ancestors 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'self'")
    // No form-action on reader pages: sign-in forms end at the reader's OAuth/OIDC provider.
    expect(csp).not.toContain('form-action')
    expect(csp).toMatch(/script-src 'self'[^;]*;/)
    expect(csp).not.toMatch(/script-src[^;]*https?:/)
    expect(headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['x-byline-cache']).toBe('HIT')
  }).toPass({ timeout: 15_000 })
  expect(seen.length).toBeGreaterThan(1)
})

test('/admin may not be framed by anyone', async ({ request }) => {
  const response = await request.get('/admin/login')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(response.headers()['content-security-policy']).toContain("form-action 'self'")
  expect(response.headers()['x-frame-options']).toBe('DENY')
})

test('the article page and the admin work under their policies (no violation reported)', async ({ page, editorApi }) => {
  const slug = uniqueSlug('csp')
  await createArticle(editorApi, { title: 'Policed story', slug, status: 'published' })
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  await page.goto(`/articles/${slug}`)
  await expect(page.getByRole('heading', { name: 'LEAVE A REPLY' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Post Comment' })).toBeEnabled()
  await loginToAdmin(page, ADMIN)
  await page.goto('/admin/collections/articles')
  await expect(page.getByRole('link', { name: 'Policed story' })).toBeVisible()
  expect(violations).toEqual([])
})
