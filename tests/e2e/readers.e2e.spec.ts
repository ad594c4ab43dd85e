import { expect, request } from '@playwright/test'

import { MESSAGES } from '../../lib/comments/messages'
import { baseURL, createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { loginToAdmin } from './helpers/admin'
import { expectAwaiting, postComment, readerContext } from './helpers/comments'
import { test } from './helpers/fixtures'
import {
  mailsTo,
  oidcIssuer,
  requestLink,
  setServerClock,
  signInLink,
  uniqueEmail,
  waitForMail,
} from './helpers/readers'
import { ADMIN, MODERATOR } from './helpers/staff'

test('a reader signs in by email link, comments without name and email, edits within 10 minutes but not after', async ({
  browser,
  editorApi,
}) => {
  const slug = uniqueSlug('reader-email')
  await createArticle(editorApi, { title: 'Story for signed-in readers', slug, status: 'published' })
  const context = await readerContext(browser)
  const page = await context.newPage()
  await page.goto(`/articles/${slug}`)
  await page.locator('form#respond').getByRole('link', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/)

  const email = uniqueEmail('mira')
  await requestLink(page, email)
  const mail = await waitForMail(email)
  expect(mail.subject).toBe('Sign in to Byline')
  const link = signInLink(mail)
  await page.goto(link)
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}#respond$`))

  const form = page.locator('form#respond')
  await expect(form.getByText(`Logged in as ${email.split('@')[0]}.`)).toBeVisible()
  await expect(form.getByRole('link', { name: 'Log out?' })).toBeVisible()
  for (const label of [/^Name/, /^Email/, /^Website/]) await expect(form.getByLabel(label)).toHaveCount(0)
  await postComment(page, { comment: 'Signed in, first try.' })
  await expectAwaiting(page, 'Signed in, first try.')

  const id = (await page.locator('.comment-pending', { hasText: 'Signed in, first try.' }).getAttribute('id'))!
  const own = page.locator(`#${id}`)
  await own.getByRole('button', { name: 'Edit' }).click()
  await own.getByLabel('Edit your comment').fill('Signed in, typo fixed.')
  await own.getByRole('button', { name: 'Save' }).click()
  await expect(own.locator('.comment-body')).toHaveText('Signed in, typo fixed.')

  const moderator = await staffRequest(MODERATOR)
  const stored = async () =>
    (
      await (
        await moderator.get(`/api/comments?where[authorEmail][equals]=${encodeURIComponent(email)}&depth=1`)
      ).json()
    ).docs
  const [doc] = await stored()
  expect(`comment-${doc.id}`).toBe(id)
  expect(doc).toMatchObject({
    body: 'Signed in, typo fixed.',
    authorName: email.split('@')[0],
    status: 'pending',
    reader: { email },
  })

  // A tampered edit (the comment id in the server action's arguments replaced by text, a number
  // past PostgreSQL's integer ids, a negative or a fractional one) gets the plain refusal with a
  // 200, never a server error, and changes nothing.
  for (const badId of ['"abc"', '1099511627776', '-1', '1.5']) {
    let tampered = false
    await page.route('**/articles/**', async (route) => {
      const sent = route.request()
      const body = sent.postData() ?? ''
      if (sent.method() !== 'POST' || !sent.headers()['next-action'] || !/^\[\d+,/.test(body)) return route.continue()
      tampered = true
      return route.continue({ postData: body.replace(/^\[\d+,/, `[${badId},`) })
    })
    const answered = page.waitForResponse(
      (r) => r.request().method() === 'POST' && Boolean(r.request().headers()['next-action']),
    )
    await own.getByRole('button', { name: 'Edit' }).click()
    await expect(own.getByRole('alert')).toHaveCount(0)
    await own.getByLabel('Edit your comment').fill(`Tampered id ${badId}.`)
    await own.getByRole('button', { name: 'Save' }).click()
    expect((await answered).status(), badId).toBe(200)
    expect(tampered, badId).toBe(true)
    await expect(own.getByRole('alert')).toHaveText(MESSAGES.notYours)
    await page.unroute('**/articles/**')
    await own.getByRole('button', { name: 'Cancel' }).click()
    expect((await stored())[0].body).toBe('Signed in, typo fixed.')
  }

  // Eleven minutes later, by the server's clock: the open editor is refused, then gone.
  await own.getByRole('button', { name: 'Edit' }).click()
  await own.getByLabel('Edit your comment').fill('Changed far too late.')
  const clock = await request.newContext({ baseURL: baseURL() })
  await setServerClock(clock, 11 * 60_000)
  try {
    await own.getByRole('button', { name: 'Save' }).click()
    await expect(own.getByRole('alert')).toHaveText(MESSAGES.editClosed)
    const mine = page.waitForResponse((r) => r.url().includes('/comments/mine'))
    await page.reload()
    expect((await (await mine).json()).editable).toEqual([])
    await expect(own.locator('.comment-body')).toHaveText('Signed in, typo fixed.')
    await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0)
  } finally {
    await setServerClock(clock, 0)
    await clock.dispose()
  }
  expect((await stored())[0].body).toBe('Signed in, typo fixed.')

  // The link worked once: opened again (another browser), it is refused.
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await otherPage.goto(link)
  await expect(otherPage).toHaveURL(/\/signin\?.*error=Verification/)
  await expect(otherPage.locator('.form-message')).toContainText('no longer valid')

  // The reader's session is no way into /admin.
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin\/login/)
  await page.goto(`/articles/${slug}`)

  // Logging out brings the anonymous form back.
  await page.locator('form#respond').getByRole('link', { name: 'Log out?' }).click()
  await expect(page.locator('form#respond').getByLabel(/^Name/)).toBeVisible()
  await page.reload()
  await expect(page.locator('form#respond').getByText(/Logged in as/)).toHaveCount(0)
  for (const c of [context, other]) await c.close()
  await moderator.dispose()
})

test('signing in through a real OpenID Connect provider creates the reader once and reuses it', async ({ browser }) => {
  const login = `oidc-${Date.now().toString(36)}`
  const moderator = await staffRequest(MODERATOR)
  const ids: number[] = []
  for (const round of [1, 2]) {
    const context = await readerContext(browser)
    const page = await context.newPage()
    await page.goto('/signin?callbackUrl=%2F')
    await page.getByRole('button', { name: 'Sign in with Local OIDC' }).click()
    await expect(page).toHaveURL(new RegExp(`^${oidcIssuer().replace(/[.:/]/g, '\\$&')}/interaction/`))
    await page.locator('input[name="login"]').fill(login)
    await page.locator('input[name="password"]').fill('any password')
    await page.getByRole('button', { name: 'Sign-in' }).click()
    await expect(page).toHaveURL(`${baseURL()}/`)
    const session = await (await page.request.get('/auth/session')).json()
    expect(session.reader, `round ${round}`).toMatchObject({ name: `OIDC ${login}`, ban: null })
    const found = await (await moderator.get(`/api/readers?where[email][equals]=${login}@oidc.test&depth=1`)).json()
    expect(found.docs, `round ${round}`).toHaveLength(1)
    expect(found.docs[0].accounts.docs).toHaveLength(1)
    expect(found.docs[0].accounts.docs[0]).toMatchObject({ provider: 'oidc', providerAccountId: login })
    ids.push(found.docs[0].id)
    await context.close()
  }
  expect(ids[1]).toBe(ids[0])
  await moderator.dispose()
})

test('sign-in security: same answer for any address, CSRF, own-origin redirects, no staff or API rights, ban signs out', async ({
  browser,
}) => {
  // The check-email page reads the same for a reader who exists and one who does not.
  const known = uniqueEmail('known')
  const api = await request.newContext({ baseURL: baseURL() })
  const { csrfToken } = await (await api.get('/auth/csrf')).json()
  const ask = (email: string, extra: Record<string, string> = {}) =>
    api.post('/auth/signin/email', { form: { email, csrfToken, callbackUrl: '/', json: 'true', ...extra } })
  // Asking with a foreign callbackUrl: the link in the mail still leads back to this site only.
  expect((await ask(known, { callbackUrl: 'https://evil.example/phish' })).status()).toBe(200)
  const link = signInLink(await waitForMail(known))
  expect(new URL(new URL(link).searchParams.get('callbackUrl')!).origin).toBe(new URL(baseURL()).origin)
  const landed = await api.get(link)
  expect(new URL(landed.url()).origin).toBe(new URL(baseURL()).origin)
  expect((await (await api.get('/auth/session')).json()).reader).toBeTruthy()

  const texts: string[] = []
  for (const email of [known, uniqueEmail('unknown')]) {
    const page = await (await browser.newContext()).newPage()
    await page.goto('/signin')
    await requestLink(page, email)
    texts.push(await page.locator('main').innerText())
    await page.context().close()
  }
  expect(texts[0]).toBe(texts[1])

  // Without next-auth's CSRF token nothing is sent.
  const forged = uniqueEmail('forged')
  const noCsrf = await request.newContext({ baseURL: baseURL() })
  await noCsrf.post('/auth/signin/email', { form: { email: forged, callbackUrl: '/' }, maxRedirects: 0 })
  await noCsrf.dispose()

  // A reader session is no login to /admin or the API.
  expect((await api.get('/api/users/me')).ok()).toBe(true)
  expect((await (await api.get('/api/users/me')).json()).user).toBeNull()
  expect((await api.get('/api/readers')).status()).toBe(403)
  expect((await api.post('/api/comments', { data: { article: 1, body: 'Via the API' } })).status()).toBe(403)

  // A staff login is no reader session.
  const staff = await request.newContext({ baseURL: baseURL() })
  expect(
    (await staff.post('/api/users/login', { data: { email: MODERATOR.email, password: MODERATOR.password } })).status(),
  ).toBe(200)
  expect((await (await staff.get('/auth/session')).json()).reader).toBeUndefined()

  // Banned: the session is gone at once.
  const reader = (await (await api.get('/auth/session')).json()).reader
  const moderator = await staffRequest(MODERATOR)
  expect(
    (
      await moderator.patch(`/api/readers/${reader.id}`, { data: { banned: true, banReason: 'Testing bans' } })
    ).status(),
  ).toBe(200)
  expect((await (await api.get('/auth/session')).json()).reader).toBeUndefined()

  expect(await mailsTo(forged)).toHaveLength(0)
  for (const c of [api, staff, moderator]) await c.dispose()
})

test('"Users must be registered and logged in to comment": a sign-in prompt replaces the form', async ({
  browser,
  editorApi,
}) => {
  const slug = uniqueSlug('login-required')
  await createArticle(editorApi, { title: 'Members-only conversation', slug, status: 'published' })
  // Discussion settings are an admin's (#12: moderators read them, admins change them).
  const moderator = await staffRequest(ADMIN)
  const requireLogin = async (on: boolean) =>
    expect((await moderator.post('/api/globals/discussion', { data: { requireLogin: on } })).status()).toBe(200)
  await requireLogin(true)
  try {
    for (const javaScript of [true, false]) {
      const context = await readerContext(browser, { javaScript })
      const page = await context.newPage()
      const form = page.locator('form#respond')
      await expect(async () => {
        await page.goto(`/articles/${slug}`)
        await expect(form.getByText('You must be logged in to post a comment.')).toBeVisible({ timeout: 1000 })
      }).toPass({ timeout: 10_000 })
      await expect(form.getByRole('link', { name: 'logged in' })).toHaveAttribute('href', /^\/signin\?callbackUrl=/)
      for (const label of ['Comment', 'Name*', 'Email*', 'Website'])
        await expect(form.getByLabel(label, { exact: true })).toHaveCount(0)
      await expect(form.getByRole('button', { name: 'Post Comment' })).toHaveCount(0)
      await context.close()
    }
  } finally {
    await requireLogin(false)
    await moderator.dispose()
  }
})

test('a moderator bans a reader in /admin and hides all their comments in one go', async ({ browser, editorApi }) => {
  const slug = uniqueSlug('ban')
  await createArticle(editorApi, { title: 'A story a troll found', slug, status: 'published' })
  // The reader signs in by link (as an API client), then comments in a browser with that session.
  const email = uniqueEmail('troll')
  const api = await request.newContext({ baseURL: baseURL() })
  const { csrfToken } = await (await api.get('/auth/csrf')).json()
  await api.post('/auth/signin/email', { form: { email, csrfToken, callbackUrl: '/', json: 'true' } })
  await api.get(signInLink(await waitForMail(email)))
  const reader = (await (await api.get('/auth/session')).json()).reader
  const context = await browser.newContext({
    storageState: await api.storageState(),
    extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.201' },
  })
  const page = await context.newPage()
  await page.goto(`/articles/${slug}`)
  await expect(page.locator('form#respond').getByText(/^Logged in as/)).toBeVisible()
  await postComment(page, { comment: 'Troll words, approved at first.' })
  await expectAwaiting(page, 'Troll words, approved at first.')
  const moderator = await staffRequest(MODERATOR)
  const comments = async () =>
    (await (await moderator.get(`/api/comments?where[reader][equals]=${reader.id}`)).json()).docs
  const [comment] = await comments()
  expect((await moderator.patch(`/api/comments/${comment.id}`, { data: { status: 'approved' } })).status()).toBe(200)
  const shown = page.locator('.comment-list:not(.own-comments)').getByText('Troll words')
  await expect(async () => {
    await page.reload()
    await expect(shown).toBeVisible({ timeout: 500 })
  }).toPass({ timeout: 5000 })

  const modContext = await browser.newContext()
  const admin = await modContext.newPage()
  await loginToAdmin(admin, MODERATOR)
  await admin.goto(`/admin/collections/readers/${reader.id}`)
  await expect(admin.getByText('Linked sign-in accounts')).toBeVisible()
  await admin.getByText('Banned', { exact: true }).click()
  await admin.getByLabel('Reason (shown to the reader)').fill('Trolling')
  await admin.getByText(/^Hide all their comments when I save/).click()
  await admin.getByRole('button', { name: 'Save' }).click()
  await expect(admin.getByText(/Updated successfully/)).toBeVisible()

  expect((await comments()).map((c: { status: string }) => c.status)).toEqual(['spam'])
  expect((await (await api.get('/auth/session')).json()).reader).toBeUndefined()
  await expect(async () => {
    await page.reload()
    await expect(shown).toHaveCount(0, { timeout: 500 })
  }).toPass({ timeout: 5000 })
  await expect(page.locator('form#respond').getByText(/^Logged in as/)).toHaveCount(0)
  for (const c of [context, modContext]) await c.close()
  for (const c of [api, moderator]) await c.dispose()
})
