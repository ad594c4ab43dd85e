import { expect, request as apiRequest } from '@playwright/test'

import { loginToAdmin } from './helpers/admin'
import { baseURL, createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { expectAwaiting, fillCommentForm, postComment, readerContext } from './helpers/comments'
import { test } from './helpers/fixtures'
import { MODERATOR } from './helpers/staff'

const articlePath = (slug: string) => `/articles/${slug}`

test('a reader comments (JavaScript on and off); only they see it waiting; a moderator approves it in /admin', async ({
  browser,
  editorApi,
}) => {
  const slug = uniqueSlug('comments')
  await createArticle(editorApi, { title: 'Story open for comments', slug, status: 'published' })

  const alice = await readerContext(browser)
  const alicePage = await alice.newPage()
  await alicePage.goto(articlePath(slug))
  await expect(alicePage.getByRole('heading', { name: 'LEAVE A REPLY' })).toBeVisible()
  await expect(alicePage.locator('.comments-title')).toHaveCount(0)
  const answer = alicePage.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith(articlePath(slug)),
  )
  await postComment(alicePage, { comment: 'First, with JavaScript.', name: 'Alice', email: 'alice@example.test' })
  // The action answers with its result only: without this header Next.js skipped rendering the
  // page again (it sets it, and sends the page, when an action revalidates or sets a cookie).
  expect((await answer).headers()['x-action-revalidated']).toBeUndefined()
  await expectAwaiting(alicePage, 'First, with JavaScript.')
  await alicePage.reload()
  await expectAwaiting(alicePage, 'First, with JavaScript.')

  const bob = await readerContext(browser, { javaScript: false })
  const bobPage = await bob.newPage()
  await bobPage.goto(articlePath(slug))
  await expect(bobPage.getByText('First, with JavaScript.')).toHaveCount(0)
  await postComment(
    bobPage,
    { comment: 'Second, without JavaScript.', name: 'Bob', email: 'bob@example.test' },
    { humanDelayMs: 0 },
  )
  await expectAwaiting(bobPage, 'Second, without JavaScript.')
  await expect(bobPage.getByText('First, with JavaScript.')).toHaveCount(0)

  const carol = await readerContext(browser)
  const carolPage = await carol.newPage()
  await carolPage.goto(articlePath(slug))
  await expect(carolPage.getByText('First, with JavaScript.')).toHaveCount(0)
  await expect(carolPage.locator('.comment')).toHaveCount(0)

  // The moderator approves Alice's comment from the pending queue without opening it.
  const moderator = await browser.newContext()
  const modPage = await moderator.newPage()
  await loginToAdmin(modPage, MODERATOR)
  await modPage.goto('/admin/collections/comments')
  await expect(modPage).toHaveURL(/status/)
  const row = modPage.locator('tr', { hasText: 'First, with JavaScript.' })
  await expect(row).toBeVisible()
  await row.getByRole('button', { name: 'Approve' }).click()
  await expect(modPage.locator('tr', { hasText: 'First, with JavaScript.' })).toHaveCount(0)

  for (const page of [alicePage, carolPage]) {
    await expect(async () => {
      await page.reload()
      await expect(page.locator('.comments-title')).toHaveText('1 COMMENT', { timeout: 500 })
    }).toPass({ timeout: 5000 })
    const shown = page.locator('.comment-list:not(.own-comments) .comment', { hasText: 'First, with JavaScript.' })
    await expect(shown).toBeVisible()
    await expect(shown).not.toContainText('awaiting moderation')
  }
  await expect(carolPage.getByText('Second, without JavaScript.')).toHaveCount(0)
  for (const c of [alice, bob, carol, moderator]) await c.close()
})

for (const javaScript of [true, false]) {
  test(`empty fields give the three messages word for word and keep the typed text (JavaScript ${javaScript ? 'on' : 'off'})`, async ({
    browser,
    editorApi,
  }) => {
    const slug = uniqueSlug('validation')
    await createArticle(editorApi, { title: 'Validation story', slug, status: 'published' })
    const context = await readerContext(browser, { javaScript })
    const page = await context.newPage()
    await page.goto(articlePath(slug))
    const form = page.locator('form#respond')

    await page.getByRole('button', { name: 'Post Comment' }).click()
    await expect(form.getByText('Please enter your comment!', { exact: true })).toBeVisible()
    await expect(form.getByText('Please enter your name here', { exact: true })).toBeVisible()

    await fillCommentForm(page, { comment: 'Words I typed and want to keep.', name: 'Dana', email: 'dana@not-valid' })
    await page.getByRole('button', { name: 'Post Comment' }).click()
    await expect(form.getByText('You have entered an incorrect email address!', { exact: true })).toBeVisible()
    await expect(form.getByLabel('Comment', { exact: true })).toHaveValue('Words I typed and want to keep.')
    await expect(form.getByLabel(/^Name\*?$/)).toHaveValue('Dana')
    await expect(form.getByLabel(/^Email\*?$/)).toHaveValue('dana@not-valid')
    await expect(form.getByText('Please enter your comment!')).toHaveCount(0)
    await context.close()
  })
}

test('a reply appears indented under its parent', async ({ browser, editorApi }) => {
  const slug = uniqueSlug('thread')
  const article = await createArticle(editorApi, { title: 'Thread story', slug, status: 'published' })
  const mod = await staffRequest(MODERATOR)
  const parent = await mod.post('/api/comments', {
    data: { article: article.id, body: 'The parent comment.', authorName: 'Pat', status: 'approved' },
  })
  expect(parent.status()).toBe(201)
  const parentId = (await parent.json()).doc.id

  const context = await readerContext(browser)
  const page = await context.newPage()
  await page.goto(articlePath(slug))
  await page.locator(`#comment-${parentId}`).getByRole('link', { name: 'Reply' }).click()
  await expect(page.getByText('Replying to Pat.')).toBeVisible()
  await postComment(page, { comment: 'The reply, indented.', name: 'Rae', email: 'rae@example.test' })
  await expectAwaiting(page, 'The reply, indented.')

  const pending = await mod.get(`/api/comments?where[body][equals]=${encodeURIComponent('The reply, indented.')}`)
  const reply = (await pending.json()).docs[0]
  expect(reply.parent.id ?? reply.parent).toBe(parentId)
  expect((await mod.patch(`/api/comments/${reply.id}`, { data: { status: 'approved' } })).status()).toBe(200)

  await expect(async () => {
    await page.reload()
    await expect(page.locator(`#comment-${parentId} > ol.children > #comment-${reply.id}`)).toBeVisible({
      timeout: 500,
    })
  }).toPass({ timeout: 5000 })
  await expect(page.locator('.comments-title')).toHaveText('2 COMMENTS')
  const parentBox = await page.locator(`#comment-${parentId} > article`).boundingBox()
  const replyBox = await page.locator(`#comment-${reply.id} > article`).boundingBox()
  expect(replyBox!.x).toBeGreaterThan(parentBox!.x + 10)
  await context.close()
  await mod.dispose()
})

const XSS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  "'><script>window.__xss=1</script>",
  '<iframe src="javascript:window.parent.__xss=1"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  '<body onload=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '<input autofocus onfocus=window.__xss=1>',
  '<video><source onerror="window.__xss=1"></video>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<link rel=import href="data:text/html,<script>parent.__xss=1</script>">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<style>@import "javascript:window.__xss=1";</style>',
  '<div style="background:url(javascript:window.__xss=1)">x</div>',
  '{{constructor.constructor("window.__xss=1")()}}',
  '${window.__xss=1}',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '%3Cscript%3Ewindow.__xss=1%3C/script%3E',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '<img src="x" onerror="&#119;indow.__xss=1">',
  '</textarea><script>window.__xss=1</script>',
  '</script><script>window.__xss=1</script>',
  '<form><button formaction=javascript:window.__xss=1>go</button></form>',
  '<marquee onstart=window.__xss=1>m</marquee>',
  '<x onmouseover=window.__xss=1 style=display:block;width:9999px;height:9999px>hover</x>',
  'javascript:window.__xss=1',
  'https://example.test/"><script>window.__xss=1</script>',
  '<base href="javascript:window.__xss=1//">',
]

test(`${XSS.length} script-injection payloads in body, name and website, submitted and approved, run no script`, async ({
  browser,
  editorApi,
}) => {
  test.setTimeout(180_000)
  const slug = uniqueSlug('xss')
  const article = await createArticle(editorApi, { title: 'Injection story', slug, status: 'published' })
  for (const [i, payload] of XSS.entries()) {
    const context = await readerContext(browser, { javaScript: false })
    const page = await context.newPage()
    await page.goto(articlePath(slug))
    const website =
      i % 2 === 0
        ? `https://example.test/${encodeURIComponent(payload).slice(0, 150)}`
        : 'https://example.test/"><script>window.__xss=1</script>'
    await postComment(
      page,
      { comment: `#${i} ${payload}`, name: payload.slice(0, 200), email: `x${i}@example.test`, website },
      { humanDelayMs: 0 },
    )
    await expect(page.locator('.comment-pending')).toContainText(`#${i}`)
    await context.close()
  }
  const mod = await staffRequest(MODERATOR)
  const approve = await mod.patch(`/api/comments?where[article][equals]=${article.id}&limit=100`, {
    data: { status: 'approved' },
  })
  expect(approve.status(), await approve.text()).toBe(200)
  await mod.dispose()

  const context = await browser.newContext()
  const page = await context.newPage()
  const dialogs: string[] = []
  page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()))
  await expect(async () => {
    await page.goto(articlePath(slug))
    await expect(page.locator('.comments-title')).toHaveText(`${XSS.length} COMMENTS`, { timeout: 500 })
  }).toPass({ timeout: 10_000 })
  await page.mouse.move(200, 200)
  await page.waitForTimeout(1000)
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
  expect(dialogs).toEqual([])
  // The payloads are shown as the text they are.
  await expect(page.locator('.comment-body', { hasText: '#0 <script>window.__xss=1</script>' })).toBeVisible()
  for (const link of await page.locator('.comment-author a, .comment-body a').all()) {
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//)
    expect(await link.getAttribute('rel')).toBe('nofollow ugc noopener')
  }
  await context.close()
})

test('anonymous API requests cannot create, approve or read private comment fields', async () => {
  const api = await apiRequest.newContext({ baseURL: baseURL() })
  const create = await api.post('/api/comments', { data: { article: 1, body: 'via API', status: 'approved' } })
  expect(create.status()).toBe(403)
  const gql = await api.post('/api/graphql', {
    data: { query: 'mutation { createComment(data: { article: 1, body: "x", status: approved }) { id } }' },
  })
  expect(JSON.stringify(await gql.json())).toMatch(/not allowed|Forbidden/i)
  const list = await api.get('/api/comments?limit=100')
  expect(JSON.stringify(await list.json())).not.toMatch(/"authorEmail"|"ip"|"userAgent"|"verdict"/)
  await api.dispose()
})

test('only a comment token this site signed, sent from its own pages, becomes the own-comments cookie', async () => {
  const api = await apiRequest.newContext({ baseURL: baseURL() })
  const own = (token: string, headers: Record<string, string>) =>
    api.post('/comments/mine?article=1', {
      data: { token },
      headers: { 'content-type': 'application/json', ...headers },
    })
  const forged = await own('1.2.3.00000000000000000000000000000000', { 'sec-fetch-site': 'same-origin' })
  expect(forged.status()).toBe(400)
  expect(forged.headers()['set-cookie']).toBeUndefined()
  const crossSite = await own('1.2.3.00000000000000000000000000000000', {
    'sec-fetch-site': 'cross-site',
    origin: 'https://evil.example',
  })
  expect(crossSite.status()).toBe(403)
  await api.dispose()
})

test('"Save my name, email, and website" fills the form next time, and unticking it forgets them', async ({
  browser,
  editorApi,
}) => {
  const first = uniqueSlug('remember')
  const second = uniqueSlug('remember')
  await createArticle(editorApi, { title: 'Remembered once', slug: first, status: 'published' })
  await createArticle(editorApi, { title: 'Remembered twice', slug: second, status: 'published' })
  const reader = await readerContext(browser)
  const page = await reader.newPage()
  await page.goto(articlePath(first))
  await fillCommentForm(page, {
    comment: 'Please keep my details.',
    name: 'Dana',
    email: 'dana@example.test',
    website: 'https://dana.example',
  })
  await page.getByLabel(/Save my name/).check()
  await postComment(page, {})
  await expectAwaiting(page, 'Please keep my details.')
  // The box shows as soon as the action answers; the cookie naming this browser's comments is set
  // by the request that follows it. Its cookies are copied below, so wait for that one.
  await expect.poll(async () => (await reader.cookies()).some((c) => c.name === 'byline_own_comments')).toBe(true)

  // The same browser (its cookies) a while later: another address and email, so that the
  // flood limit (one comment per 15 s per address and per email) does not refuse it.
  const later = await browser.newContext({
    storageState: await reader.storageState(),
    extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.77' },
  })
  const again = await later.newPage()
  await again.goto(articlePath(second))
  const form = again.locator('form#respond')
  await expect(form.getByLabel(/^Name\*?$/)).toHaveValue('Dana')
  await expect(form.getByLabel(/^Email\*?$/)).toHaveValue('dana@example.test')
  await expect(form.getByLabel('Website', { exact: true })).toHaveValue('https://dana.example')
  await again.getByLabel(/Save my name/).uncheck()
  await form.getByLabel(/^Email\*?$/).fill('dana.again@example.test')
  await postComment(again, { comment: 'Now forget me, please.' })
  await expectAwaiting(again, 'Now forget me, please.')

  await again.goto(articlePath(first))
  await expect(again.locator('form#respond').getByLabel(/^Name\*?$/)).toHaveValue('')
  // Still this browser's own comment, awaiting moderation.
  await expectAwaiting(again, 'Please keep my details.')
  await later.close()
  await reader.close()
})
