import { expect, request as apiRequest } from '@playwright/test'

import { baseURL, createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { fillCommentForm, postComment, readerContext } from './helpers/comments'
import { test } from './helpers/fixtures'
import { MODERATOR } from './helpers/staff'

test('a first visit in a fresh browser loads an article with one document request (no client-hint 307)', async ({
  browser,
  editorApi,
}) => {
  const slug = uniqueSlug('first-visit')
  await createArticle(editorApi, { title: 'First visit story', slug, status: 'published' })
  const context = await browser.newContext()
  const page = await context.newPage()
  const documents: string[] = []
  page.on('request', (r) => {
    if (r.resourceType() === 'document') documents.push(`${r.method()} ${r.url()}`)
  })
  const response = await page.goto(`/articles/${slug}`)
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1, name: 'First visit story' })).toBeVisible()
  expect(documents).toEqual([`GET ${baseURL()}/articles/${slug}`])
  expect(response?.headers()['critical-ch']).toBeUndefined()
  expect(response?.headers()['accept-ch']).toBeUndefined()
  // The admin still asks for the colour-scheme hint (its theme uses it).
  const admin = await page.request.get('/admin/login', { maxRedirects: 0 })
  expect(admin.status()).toBeLessThan(400)
  expect(admin.headers()['accept-ch']).toBe('Sec-CH-Prefers-Color-Scheme')
  await context.close()
})

// Unknown addresses of every kind: the Pages catch-all, an article the proxy refuses, a section,
// a bad page number. Next 16 answers a notFound() inside an on-demand page with an empty shell the
// browser fills; the launcher sends the branded page's body instead (server/notFoundBody.mjs).
const NOT_FOUND_IN_PAGE = [
  '/no/such/address',
  '/articles/no-such-article-e2e',
  '/categories/no-such-section-e2e',
  '/?page=abc',
  '/categories/no-such-section-e2e?page=2',
  '/not-found-page/made-up',
]
for (const path of NOT_FOUND_IN_PAGE) {
  test(`${path} answers 404 with the branded page in the server's HTML`, async () => {
    const api = await apiRequest.newContext({ baseURL: baseURL() })
    const response = await api.get(path)
    expect(response.status()).toBe(404)
    const html = await response.text()
    expect(html).toMatch(/<html lang="en"/)
    expect(html).toContain('<h1>Page not found</h1>')
    expect(html).toContain('class="site-name"')
    expect(html).toContain('action="/search"')
    await api.dispose()
  })
}

test('the comment form ties each error to its field, focuses the first invalid one and marks required fields', async ({
  browser,
  editorApi,
}) => {
  const slug = uniqueSlug('form-a11y')
  await createArticle(editorApi, { title: 'Form accessibility story', slug, status: 'published' })
  const context = await readerContext(browser)
  const page = await context.newPage()
  await page.goto(`/articles/${slug}`)
  const form = page.locator('form#respond')
  const comment = form.getByLabel('Comment', { exact: true })
  const name = form.getByLabel('Name', { exact: true })
  const email = form.getByLabel('Email', { exact: true })
  for (const field of [comment, name, email]) await expect(field).toHaveAttribute('required', '')
  await expect(form.getByLabel('Website', { exact: true })).not.toHaveAttribute('required', '')

  await fillCommentForm(page, { name: 'Dana' })
  await page.getByRole('button', { name: 'Post Comment' }).click()
  await expect(comment).toHaveAttribute('aria-invalid', 'true')
  await expect(comment).toHaveAttribute('aria-describedby', 'comment-error')
  await expect(page.locator('#comment-error')).toHaveText('Please enter your comment!')
  await expect(comment).toBeFocused()
  await expect(comment).toHaveAccessibleDescription('Please enter your comment!')
  await expect(name).not.toHaveAttribute('aria-invalid', 'true')
  await expect(email).toHaveAttribute('aria-invalid', 'true')

  // Fixed comment, still no email: focus moves on to the email field.
  await fillCommentForm(page, { comment: 'Now with words.' })
  await page.getByRole('button', { name: 'Post Comment' }).click()
  await expect(email).toBeFocused()
  await expect(comment).not.toHaveAttribute('aria-invalid', 'true')
  await expect(email).toHaveAttribute('aria-describedby', 'email-error')
  await expect(page.locator('#email-error')).toHaveText(/email/i)
  await context.close()
})

test('the "Log in" link shows when a reader sign-in method is configured (this server has email and OIDC)', async ({
  browser,
  editorApi,
}) => {
  const slug = uniqueSlug('login-link')
  await createArticle(editorApi, { title: 'Login link story', slug, status: 'published' })
  const context = await readerContext(browser)
  const page = await context.newPage()
  await page.goto(`/articles/${slug}`)
  await expect(page.locator('form#respond').getByRole('link', { name: 'Log in' })).toBeVisible()
  await context.close()
})

test('an auto-approved reply shows once: in the thread, not also as awaiting moderation', async ({
  browser,
  editorApi,
}) => {
  const slug = uniqueSlug('approved-once')
  const article = await createArticle(editorApi, { title: 'Approved once story', slug, status: 'published' })
  const mod = await staffRequest(MODERATOR)
  const email = `trusted-${Date.now()}@example.test`
  // An earlier approved comment makes this email trusted (Discussion setting, on by default).
  const earlier = await mod.post('/api/comments', {
    data: {
      article: article.id,
      body: 'An earlier approved comment.',
      authorName: 'Trusty',
      authorEmail: email,
      status: 'approved',
    },
  })
  expect(earlier.status(), await earlier.text()).toBe(201)

  const context = await readerContext(browser)
  const page = await context.newPage()
  await page.goto(`/articles/${slug}`)
  await expect(page.locator('.comments-title')).toHaveText('1 COMMENT')
  await postComment(page, { comment: 'A trusted reply, approved at once.', name: 'Trusty', email })
  await expect(page.getByRole('status')).toContainText('Thank you.')
  const thread = page.locator('.comment-list:not(.own-comments) .comment', {
    hasText: 'A trusted reply, approved at once.',
  })
  await expect(thread).toHaveCount(1)
  await expect(page.locator('.comments-title')).toHaveText('2 COMMENTS')
  await expect(page.getByText('A trusted reply, approved at once.')).toHaveCount(1)
  await expect(page.locator('.own-comments')).toHaveCount(0)
  await context.close()
  await mod.dispose()
})
