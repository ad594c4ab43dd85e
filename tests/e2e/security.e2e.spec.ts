import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { expect, request, type APIRequestContext } from '@playwright/test'

import { MESSAGES } from '../../lib/comments/messages'
import { formFields, multipart } from '../../scripts/bench/load.mjs'
import { freePort } from '../../server/database.mjs'
import { baseURL, createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { test } from './helpers/fixtures'
import { mailsTo, uniqueEmail, waitForMail } from './helpers/readers'
import { MODERATOR } from './helpers/staff'

// Issue #11, replayed against the production build: F5 (the comment action's bad input), F6,
// F11, F14, F15 and F20.

let n = 0
/** A distinct client address per call, through the trusted proxy (TRUSTED_PROXIES=127.0.0.1). */
const nextAddress = () => `203.0.113.${(n = (n + 1) % 250) + 1}`

type Field = [string, string]

/** The comment form's fields as the article page renders them, with `typed` replacing or adding. */
async function formPost(api: APIRequestContext, slug: string, typed: Record<string, string>) {
  const hidden = formFields(await (await api.get(`/articles/${slug}`)).text()) as Field[]
  const fields: Field[] = [
    ...hidden.filter(([name]) => !(name in typed)),
    ...Object.entries({
      comment: 'A fair point, well made.',
      author: 'Reader',
      email: uniqueEmail('sec'),
      url: '',
      hp_website: '',
      ...typed,
    }),
  ]
  return multipart(fields) as { body: string; type: string }
}

async function postForm(
  api: APIRequestContext,
  slug: string,
  typed: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const { body, type } = await formPost(api, slug, typed)
  return api.post(`/articles/${slug}`, {
    data: body,
    headers: { 'content-type': type, 'x-forwarded-for': nextAddress(), ...headers },
    maxRedirects: 0,
  })
}

/** The comment form's post sent chunked (no Content-Length), as a script's streamed body is. */
async function postChunked(api: APIRequestContext, slug: string, typed: Record<string, string>) {
  const { body, type } = await formPost(api, slug, typed)
  const bytes = new TextEncoder().encode(body)
  let at = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close()
      controller.enqueue(bytes.subarray(at, (at += 64 * 1024)))
    },
  })
  const response = await fetch(`${baseURL()}/articles/${slug}`, {
    method: 'POST',
    body: stream,
    duplex: 'half',
    headers: { 'content-type': type, 'x-forwarded-for': nextAddress() },
    redirect: 'manual',
  } as RequestInit)
  return { status: response.status, text: await response.text() }
}

async function approvedComment(moderator: APIRequestContext, articleId: number, body: string): Promise<number> {
  const created = await moderator.post('/api/comments', {
    data: { article: articleId, body, authorName: 'Ann', status: 'approved' },
  })
  expect(created.status(), await created.text()).toBe(201)
  return (await created.json()).doc.id
}

test('F5: the comment action and its neighbours answer bad input with a 4xx or a message, never 500', async ({
  editorApi,
}) => {
  const slug = uniqueSlug('sec-input')
  const article = await createArticle(editorApi, { title: 'Bad input', slug, status: 'published' })
  const api = await request.newContext({ baseURL: baseURL() })
  const cases: [string, Record<string, string>, Record<string, string>, number, string | null][] = [
    ['non-numeric article', { article: 'abc' }, {}, 200, MESSAGES.noArticle],
    ['huge article', { article: '99999999999' }, {}, 200, MESSAGES.noArticle],
    ['article 2^40', { article: String(2 ** 40) }, {}, 200, MESSAGES.noArticle],
    ['NUL in the article', { article: '1\u0000' }, {}, 200, MESSAGES.noArticle],
    ['non-numeric parent', { parent: 'abc' }, {}, 200, MESSAGES.badParent],
    ['huge parent', { parent: '99999999999' }, {}, 200, MESSAGES.badParent],
    ['NUL in the name and the comment', { author: 'Nul\u0000Name', comment: 'Nul\u0000body' }, {}, 200, 'Thank you.'],
    ['a body over 1 MB', { comment: 'x'.repeat(1_100_000) }, {}, 413, 'too much to send'],
    ['a cross-origin post', {}, { origin: 'https://evil.example' }, 403, 'Cross-site'],
  ]
  for (const [name, typed, headers, status, text] of cases) {
    const response = await postForm(api, slug, typed, headers)
    expect(response.status(), name).toBe(status)
    if (text) expect(await response.text(), name).toContain(text)
  }
  const moderator = await staffRequest(MODERATOR)
  const stored = await (await moderator.get(`/api/comments?where[authorName][equals]=NulName&limit=5`)).json()
  expect(stored.docs).toHaveLength(1)
  expect(stored.docs[0].body).toBe('Nulbody')

  // Next takes a server action post at any page, not only an article's: another site's post, or a
  // body over 1 MB sent chunked (no Content-Length), answered 500 there.
  const commentId = await approvedComment(moderator, article.id, 'Report me if you must.')
  const evil = { origin: 'https://evil.example', 'x-forwarded-for': nextAddress() }
  const script = { 'next-action': '7f'.repeat(21), 'content-type': 'text/plain;charset=UTF-8' }
  const noScript = await formPost(api, slug, {})
  const elsewhere: [string, string, Record<string, string>, string, number, string][] = [
    [
      'another site, a script, a report page',
      `/comments/${commentId}/report`,
      { ...evil, ...script },
      '[]',
      403,
      'Cross-site',
    ],
    ['another site, a script, the front page', '/', { ...evil, ...script }, '[]', 403, 'Cross-site'],
    [
      'another site, a plain form, the front page',
      '/',
      { ...evil, 'content-type': noScript.type },
      noScript.body,
      403,
      'Cross-site',
    ],
    ['over 1 MB to a report page', `/comments/${commentId}/report`, script, 'x'.repeat(1_100_000), 413, 'too much'],
  ]
  for (const [name, url, headers, data, status, text] of elsewhere) {
    const response = await api.post(url, { data, headers, maxRedirects: 0 })
    expect(response.status(), name).toBe(status)
    expect(await response.text(), name).toContain(text)
  }
  const chunkedOver = await postChunked(api, slug, { comment: 'x'.repeat(1_100_000) })
  expect(chunkedOver.status, 'a chunked body over 1 MB').toBe(413)
  expect(chunkedOver.text).toContain('too much to send')
  // A chunked body within the limit is still a comment.
  const chunked = await postChunked(api, slug, { author: 'Chunked', comment: 'Sent in pieces.' })
  expect(chunked.status, chunked.text.slice(0, 200)).toBe(200)
  expect(chunked.text).toContain('Thank you.')
  const pieces = await (await moderator.get(`/api/comments?where[authorName][equals]=Chunked&limit=5`)).json()
  expect(pieces.docs.map((d: { body: string }) => d.body)).toEqual(['Sent in pieces.'])

  for (const [url, status] of [
    [`/comments/mine?article=${2 ** 40}`, 400],
    ['/comments/mine?article=abc', 400],
    ['/articles/%', 400],
    ['/articles/%E0%A4%A', 400],
  ] as const) {
    expect((await api.get(url)).status(), url).toBe(status)
  }
  await moderator.dispose()
  await api.dispose()
})

test("F14: a spammer's script answer reads exactly like a held comment's", async ({ browser, editorApi }) => {
  const slug = uniqueSlug('sec-spam')
  await createArticle(editorApi, { title: 'Spam answers', slug, status: 'published' })
  const answers: string[] = []
  for (const spam of [false, true]) {
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': nextAddress() } })
    const page = await context.newPage()
    await page.goto(`/articles/${slug}`)
    const form = page.locator('form#respond')
    await form.getByLabel('Comment', { exact: true }).fill(spam ? 'Cheap pills here' : 'A fair point')
    await form.getByLabel(/^Name\*?$/).fill(spam ? 'Bot' : 'Human')
    await form.getByLabel(/^Email\*?$/).fill(uniqueEmail(spam ? 'bot' : 'human'))
    // The bot fills the hidden field only bots see (and is too fast: no wait).
    if (spam)
      await page
        .locator('input[name="hp_website"]')
        .evaluate((el: HTMLInputElement) => (el.value = 'http://bot.example'))
    else await page.waitForTimeout(3200)
    // The action's answer, read on its way to the page.
    let answered: (text: string) => void = () => undefined
    const answer = new Promise<string>((resolve) => (answered = resolve))
    await page.route(`**/articles/${slug}`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue()
      const response = await route.fetch()
      const body = await response.text()
      answered(body)
      await route.fulfill({ response, body })
    })
    await page.getByRole('button', { name: 'Post Comment' }).click()
    const text = await answer
    expect(text).toContain('"status":"pending"')
    expect(text).not.toContain('spam')
    await expect(page.getByRole('status')).toContainText(MESSAGES.awaiting)
    answers.push(text.replace(/\d+/g, '0').replace(/"(body|authorName|ownToken|createdAt)":"[^"]*"/g, '"$1":""'))
    await context.close()
  }
  expect(answers[1]).toBe(answers[0])
  const moderator = await staffRequest(MODERATOR)
  const stored = await (
    await moderator.get(`/api/comments?where[authorName][equals]=Bot&sort=-createdAt&limit=1`)
  ).json()
  expect(stored.docs[0].status).toBe('spam')
  await moderator.dispose()
})

test('F6: the Back link on /signin never leaves the site', async ({ page }) => {
  const variants = [
    '%2F%09%2Fevil.example',
    '%2F%0D%2Fevil.example',
    '%2F%0A%2Fevil.example',
    '%2F%2Fevil.example',
    '%2F%5Cevil.example',
    'https%3A%2F%2Fevil.example',
  ]
  for (const variant of variants) {
    await page.goto(`/signin?callbackUrl=${variant}`)
    await expect(page.getByRole('link', { name: 'Back' }), variant).toHaveAttribute('href', '/')
  }
  await page.goto('/signin?callbackUrl=%2F%09%2Fevil.example')
  await page.getByRole('link', { name: 'Back' }).click()
  await expect(page).toHaveURL(`${baseURL()}/`)
  await page.goto('/signin?callbackUrl=%2Fcategories%2Fnews')
  await expect(page.getByRole('link', { name: 'Back' })).toHaveAttribute('href', '/categories/news')
})

test('F11: reply pages are cached; made-up addresses answer 404 and leave nothing in the cache', async ({
  browser,
  editorApi,
}) => {
  const slug = uniqueSlug('sec-cache')
  const article = await createArticle(editorApi, { title: 'Cached replies', slug, status: 'published' })
  const moderator = await staffRequest(MODERATOR)
  const id = await approvedComment(moderator, article.id, 'Reply to me')
  const api = await request.newContext({ baseURL: baseURL() })

  const reply = `/articles/${slug}/reply/${id}`
  const first = await api.get(reply)
  expect(first.status()).toBe(200)
  const second = await api.get(reply)
  expect(second.status()).toBe(200)
  expect(second.headers()['x-nextjs-cache'] ?? second.headers()['x-byline-cache']).toBe('HIT')

  // Next 16 writes pages under .next/server/route-cache/APP_PAGE/<route hash>/$/<path>.
  const cacheRoot = path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'server/route-cache')
  const onDisk = (under: string) =>
    (fs.readdirSync(cacheRoot, { recursive: true }) as string[]).filter((f) =>
      f.split(path.sep).join('/').includes(`$/articles/${under}`),
    )
  expect((await api.get(`/articles/${slug}`)).status()).toBe(200)
  await expect.poll(() => onDisk(`${slug}.html`).length).toBeGreaterThan(0)
  const madeUp = [
    `/articles/${slug}-nope`,
    `/articles/${slug}/comment-page/7`,
    `/articles/${slug}/reply/${id + 100000}`,
    `/articles/${slug}/reply/abc`,
  ]
  for (const url of madeUp) {
    const response = await api.get(url)
    expect(response.status(), url).toBe(404)
    expect(await response.text(), url).toContain('not found')
  }
  expect(onDisk(`${slug}-nope`)).toEqual([])
  expect(onDisk(`${slug}/comment-page`)).toEqual([])
  // Reply pages, real ones included, live in the bounded memory cache only.
  expect(onDisk(`${slug}/reply`)).toEqual([])

  // Without JavaScript, Reply still leads to a form that answers that comment.
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'X-Forwarded-For': nextAddress() },
  })
  const page = await context.newPage()
  await page.goto(`/articles/${slug}`)
  await page.locator(`#comment-${id}`).getByRole('link', { name: 'Reply' }).click()
  await expect(page).toHaveURL(new RegExp(`/reply/${id}#respond$`))
  await expect(page.locator('form#respond input[name="parent"]')).toHaveValue(String(id))
  await context.close()
  await moderator.dispose()
  await api.dispose()
})

test('F15: a repeat sign-in request looks like the first; link requests are capped per address', async () => {
  const api = await request.newContext({ baseURL: baseURL() })
  const { csrfToken } = await (await api.get('/auth/csrf')).json()
  const email = uniqueEmail('repeat')
  const address = nextAddress()
  const ask = async (to: string, from = address) => {
    const started = Date.now()
    const response = await api.post('/auth/signin/email', {
      form: { email: to, csrfToken, callbackUrl: '/' },
      headers: { 'x-forwarded-for': from },
      maxRedirects: 0,
    })
    return { status: response.status(), location: response.headers().location, ms: Date.now() - started }
  }
  const first = await ask(email)
  const repeat = await ask(email)
  expect(first.status).toBe(302)
  expect(first.location).toMatch(/\/auth\/verify-request\?provider=email/)
  expect(repeat).toMatchObject({ status: first.status, location: first.location })
  await waitForMail(email)
  expect(await mailsTo(email)).toHaveLength(1)

  const capped = nextAddress()
  const statuses: number[] = []
  for (let i = 0; i < 11; i++) statuses.push((await ask(uniqueEmail(`cap${i}`), capped)).status)
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(302))
  expect(statuses[10]).toBe(429)
  await api.dispose()
})

test('F20: the client-address header counts only when the launcher signed it', async ({ editorApi }) => {
  const slug = uniqueSlug('sec-ip')
  await createArticle(editorApi, { title: 'Whose address', slug, status: 'published' })
  const moderator = await staffRequest(MODERATOR)
  const storedIp = async (author: string) => {
    const found = await (await moderator.get(`/api/comments?where[authorName][equals]=${author}&limit=1`)).json()
    expect(found.docs, author).toHaveLength(1)
    return found.docs[0].ip as string
  }

  // Through the launcher: the forwarded address (via the trusted proxy), never the sent header.
  const api = await request.newContext({ baseURL: baseURL() })
  const launched = await postForm(
    api,
    slug,
    { author: 'ViaLauncher' },
    {
      'x-forwarded-for': '198.18.7.9',
      'x-byline-client-ip': '6.6.6.6',
      'x-byline-client-ip-signature': 'f'.repeat(64),
    },
  )
  expect(launched.status()).toBe(200)
  expect(await storedIp('ViaLauncher')).toBe('198.18.7.0')

  // A plain `next start` on the same build: the header a client sends is not believed.
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production' as const,
    PORT: String(port),
    PAYLOAD_SECRET: 'plain-next-start',
    SERVER_URL: `http://localhost:${port}`,
    BYLINE_CLIENT_IP_KEY: '',
    BYLINE_DISABLE_JOBS: '1',
  }
  const next = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    { env, stdio: 'ignore' },
  )
  try {
    const plain = await request.newContext({ baseURL: `http://localhost:${port}` })
    await expect
      .poll(async () => (await plain.get('/robots.txt').catch(() => null))?.status(), { timeout: 60_000 })
      .toBe(200)
    const response = await postForm(
      plain,
      slug,
      { author: 'ViaPlainNext' },
      { 'x-byline-client-ip': '6.6.6.6', 'x-byline-client-ip-signature': 'f'.repeat(64) },
    )
    expect(response.status()).toBe(200)
    expect(await storedIp('ViaPlainNext')).toBe('unknown')
    await plain.dispose()
  } finally {
    next.kill('SIGTERM')
  }
  await moderator.dispose()
  await api.dispose()
})

test('F10: behind https (SERVER_URL), the production launcher sends HSTS with a page and with its page-copy hit', async ({
  editorApi,
}) => {
  test.setTimeout(120_000)
  const slug = uniqueSlug('sec-hsts')
  await createArticle(editorApi, { title: 'Over https', slug, status: 'published' })
  // A second production server on the same build and database, told it is served over https
  // (TLS ends in front of it, as behind a load balancer): plain http on loopback here.
  const port = await freePort()
  const launcher = spawn(process.execPath, ['server/launcher.mjs', 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SERVER_URL: `https://localhost:${port}`,
      PAYLOAD_SECRET: 'https-launcher',
      BYLINE_DISABLE_JOBS: '1',
    },
    stdio: 'ignore',
  })
  const exited = new Promise((resolve) => launcher.once('exit', resolve))
  try {
    const site = await request.newContext({ baseURL: `http://127.0.0.1:${port}` })
    await expect
      .poll(async () => (await site.get('/robots.txt').catch(() => null))?.status(), { timeout: 90_000 })
      .toBe(200)
    const hsts = 'max-age=31536000; includeSubDomains'
    const first = await site.get(`/articles/${slug}`)
    expect(first.status()).toBe(200)
    expect(first.headers()['x-byline-cache']).toBeUndefined()
    expect(first.headers()['strict-transport-security']).toBe(hsts)
    // Next renders it, then finds it in its cache; the launcher keeps a copy of that and answers
    // the next request itself.
    let copy = first
    await expect
      .poll(async () => (copy = await site.get(`/articles/${slug}`)).headers()['x-byline-cache'], { timeout: 20_000 })
      .toBe('HIT')
    expect(copy.status()).toBe(200)
    expect(copy.headers()['strict-transport-security']).toBe(hsts)
    await site.dispose()
  } finally {
    launcher.kill('SIGTERM')
    await exited
  }
})
