import { expect, type BrowserContext, type Page } from '@playwright/test'

import { loginToAdmin } from './helpers/admin'
import { createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { expectAwaiting, postComment, readerContext } from './helpers/comments'
import { test } from './helpers/fixtures'
import { ADMIN, MODERATOR } from './helpers/staff'

const scriptSrc = (csp: string | undefined) =>
  (csp ?? '')
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('script-src ')) ?? ''

/** A reader page's policy as the launcher sends it: its own inline scripts by hash, nothing else inline. */
function expectHashedPolicy(csp: string | undefined) {
  expect(csp).toContain("frame-ancestors 'self'")
  expect(scriptSrc(csp)).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+$/)
  expect(scriptSrc(csp)).not.toContain("'unsafe-inline'")
}

/** Every CSP violation the page's documents report (securitypolicyviolation events and console lines). */
async function recordViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __cspViolations: string[] }).__cspViolations = [])
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`))
  })
}
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
function consoleViolations(page: Page) {
  const lines: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) lines.push(message.text())
  })
  return lines
}

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
    // The page's inline scripts by hash, the same from Next and from the copy; no 'unsafe-inline'.
    expectHashedPolicy(csp)
    expect(headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['x-byline-cache']).toBe('HIT')
  }).toPass({ timeout: 15_000 })
  expect(seen.length).toBeGreaterThan(1)
})

test('idle connections stay open 65 s, beyond a balancer’s 60 s, on pages and the API', async ({ request }) => {
  for (const path of ['/', '/api/articles?limit=1']) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    expect(response.headers()['keep-alive'], path).toBe('timeout=65')
  }
})

test('/admin may not be framed by anyone', async ({ request }) => {
  const response = await request.get('/admin/login')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(response.headers()['content-security-policy']).toContain("form-action 'self'")
  // Payload's admin renders inline scripts of its own: its policy is left as it was.
  expect(scriptSrc(response.headers()['content-security-policy'])).toContain("'unsafe-inline'")
  expect(response.headers()['x-frame-options']).toBe('DENY')
})

test('the article page and the admin work under their policies (no violation reported)', async ({
  page,
  editorApi,
}) => {
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

test('an article from Next and from the page copy runs exactly its own inline scripts: it hydrates and posts a comment; an injected script is blocked', async ({
  browser,
  editorApi,
}) => {
  const slug = uniqueSlug('csp-hash')
  await createArticle(editorApi, { title: 'Hashed story', slug, status: 'published' })
  for (const from of ['next', 'copy'] as const) {
    const context = await readerContext(browser)
    await recordViolations(context)
    const page = await context.newPage()
    const logged = consoleViolations(page)
    let response = await page.goto(`/articles/${slug}`)
    if (from === 'next') expect(response!.headers()['x-byline-cache']).toBeUndefined()
    else {
      // Chromium's own Accept-Encoding keys the copy: visits until one comes from it.
      await expect(async () => {
        response = await page.goto(`/articles/${slug}`)
        expect(response!.headers()['x-byline-cache']).toBe('HIT')
      }).toPass({ timeout: 15_000 })
    }
    expect(response!.status()).toBe(200)
    expectHashedPolicy(response!.headers()['content-security-policy'])

    // Hydrated: the form posts through the server action (a fetch with Next-Action), not as a plain form.
    const action = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']))
    await postComment(page, {
      comment: `Posted with JavaScript, page from ${from}.`,
      name: 'Hasher',
      email: `hasher-${from}@example.test`,
    })
    await action
    await expectAwaiting(page, `Posted with JavaScript, page from ${from}.`)
    expect(await violations(page)).toEqual([])
    expect(logged).toEqual([])

    // A script that is not in the page does not run, and the browser reports it.
    await page.addScriptTag({ content: 'window.__injected = true' }).catch(() => undefined)
    await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^script-src(-elem)? inline$/)])
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined()
    await context.close()
  }
})

test("the home page, sign-in, search, a comment's report page and the branded 404 run their inline scripts under hashes; feeds allow no inline script", async ({
  browser,
  request,
  editorApi,
}) => {
  const slug = uniqueSlug('csp-pages')
  const article = await createArticle(editorApi, { title: 'Findable hashed story', slug, status: 'published' })
  const mod = await staffRequest(MODERATOR)
  const created = await mod.post('/api/comments', {
    data: { article: article.id, body: 'A remark to report.', authorName: 'Pat', status: 'approved' },
  })
  expect(created.status()).toBe(201)
  const commentId = (await created.json()).doc.id
  await mod.dispose()
  const context = await readerContext(browser)
  await recordViolations(context)
  const page = await context.newPage()
  const logged = consoleViolations(page)
  const pages: [string, number, RegExp][] = [
    ['/', 200, /Findable hashed story/],
    ['/signin', 200, /Sign in/i],
    ['/search?q=Findable', 200, /Findable hashed story/],
    [`/comments/${commentId}/report`, 200, /A remark to report/],
    [`/${uniqueSlug('no-such-page')}`, 404, /Page not found/i],
  ]
  for (const [path, status, text] of pages) {
    const response = await page.goto(path)
    expect(response!.status(), path).toBe(status)
    expectHashedPolicy(response!.headers()['content-security-policy'])
    await expect(page.locator('body')).toContainText(text)
    await page.waitForLoadState('load')
    expect(await violations(page), path).toEqual([])
  }
  expect(logged).toEqual([])
  await context.close()

  const feed = await request.get('/feed.xml')
  expect(feed.status()).toBe(200)
  expect(feed.headers()['content-type']).toMatch(/xml/)
  expect(scriptSrc(feed.headers()['content-security-policy'])).toBe("script-src 'self'")
})
