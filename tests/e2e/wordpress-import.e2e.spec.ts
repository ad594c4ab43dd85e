import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { expect, request, test, type APIRequestContext } from '@playwright/test'

import { baseURL } from './helpers/api'
import { SECRET, writeDisqusExport, writeGeneratedExport } from '../helpers/wordpressExport'

/**
 * A WordPress site (and its Disqus threads) moved in with the real commands, then read through the
 * production site: old addresses, what stays private, threads, nested pages.
 */
let api: APIRequestContext
let dir = ''

function runImporter(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['server/launcher.mjs', ...args], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${args[0]} exited ${code}:\n${output}`)),
    )
  })
}

test.beforeAll(async () => {
  test.setTimeout(600_000)
  api = await request.newContext({ baseURL: baseURL(), maxRedirects: 0 })
  // What the running server renders (and caches) before the import: no such category, and a
  // sitemap without the imported articles.
  expect((await api.get('/categories/news')).status()).toBe(404)
  const staleSitemap = await api.get('/sitemap.xml')
  expect(staleSitemap.status()).toBe(200)
  // (A sitemap, whatever other specs have published before this one, or nothing when run alone.)
  expect(await staleSitemap.text()).toContain('<urlset')
  expect(await staleSitemap.text()).not.toContain('/articles/threads-and-things</loc>')
  const generated = await writeGeneratedExport()
  dir = generated.dir
  const wp = await runImporter(['import:wordpress', generated.file, '--media-dir', generated.mediaDir, '--no-download'])
  expect(wp).toContain('byline: WordPress import finished:')
  const disqus = await runImporter(['import:disqus', writeDisqusExport(dir)])
  expect(disqus).toContain('byline: Disqus import finished:')
  // The running server's cached lists and pages predate the import until its job queue (every 5 s)
  // runs the expiry the import queued (jobs/expireSiteCache.ts).
  await expect.poll(async () => (await api.get('/categories/news')).status(), { timeout: 30_000 }).toBe(200)
})
test.afterAll(async () => {
  await api?.dispose()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

const OLD_URLS: [string, string][] = [
  ['/2020/01/threads-and-things/', '/articles/threads-and-things'],
  ['/2020/01/threads-and-things', '/articles/threads-and-things'],
  ['/2020//01/threads-and-things//', '/articles/threads-and-things'],
  ['/2020/02/threads-and-things/', '/articles/threads-and-things-2'],
  ['/2020/01/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82/', '/articles/privet'],
  ['/2020/01/%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82/', '/articles/privet'],
  ['/?p=10', '/articles/threads-and-things'],
  ['/?p=17', '/articles/closed-discussion'],
  ['/?page_id=22', '/level-1/level-2/level-3/'],
  ['/about-us/', '/about/'],
  ['/?attachment_id=100', '/articles/threads-and-things'],
  ['/2020/01/threads-and-things/photo/', '/articles/threads-and-things'],
  ['/category/news/world/europe/', '/categories/europe'],
  ['/?cat=5', '/categories/news'],
  ['/tag/featured/', '/tags/featured'],
  ['/author/alice/', '/authors/alice-author'],
  // Carol signs only a draft: no author page, so the home page.
  ['/author/carol/', '/'],
]

test('every old address answers one 301 to a page that answers 200', async () => {
  for (const [from, to] of OLD_URLS) {
    const first = await api.get(from)
    expect(first.status(), from).toBe(301)
    const location = new URL(first.headers().location, baseURL())
    expect(location.pathname + location.search, from).toBe(to)
    const target = await api.get(to)
    expect(target.status(), `${from} → ${to}`).toBe(200)
  }
})

test('private, draft, password-protected and trashed posts answer 404, and their text is on no public page', async () => {
  for (const path of [
    '/articles/a-draft',
    '/articles/a-private-post',
    '/articles/a-protected-post',
    '/articles/a-trashed-post-trashed',
  ]) {
    expect((await api.get(path)).status(), path).toBe(404)
  }
  // No redirect leads to them either.
  expect((await api.get('/?p=13')).status()).toBe(200)
  const pages = [
    '/',
    '/feed.xml',
    '/sitemap.xml',
    '/articles/threads-and-things',
    '/articles/threads-and-things-2',
    '/articles/privet',
    '/articles/closed-discussion',
    '/categories/europe',
    '/tags/featured',
    '/level-1/',
    '/about/',
  ]
  const secrets = [
    SECRET.draft,
    SECRET.private,
    SECRET.trash,
    SECRET.password,
    SECRET.pending,
    SECRET.spam,
    SECRET.trashComment,
    SECRET.pingback,
    'kestrel-70',
    'marmot-19',
  ]
  for (const path of pages) {
    const response = await api.get(path)
    expect(response.status(), path).toBe(200)
    const body = await response.text()
    expect(body.length, path).toBeGreaterThan(200)
    for (const secret of secrets) expect(body, `${path} shows "${secret}"`).not.toContain(secret)
  }
  // The server ran during the import: its sitemap is fresh all the same (jobs/expireSiteCache.ts).
  const sitemap = await (await api.get('/sitemap.xml')).text()
  for (const path of [
    '/articles/threads-and-things',
    '/articles/privet',
    '/categories/europe',
    '/level-1/level-2/level-3/',
  ]) {
    expect(sitemap, `sitemap lists ${path}`).toContain(`${path}</loc>`)
  }
})

test('comment threads are nested as on WordPress, with the Disqus ones, on the article page', async ({ page }) => {
  await page.goto('/articles/threads-and-things')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Threads & things')
  const level1 = page.locator('li.comment', { hasText: 'Reply at depth 1.' }).first()
  await expect(level1).toBeVisible()
  // Each reply sits inside its parent's item, down to the site's thread depth ("Reply at depth 1"
  // is a top-level comment); deeper replies sit at the last level, after their parent, as
  // WordPress shows them.
  const settings = await api.get('/api/globals/discussion')
  expect(settings.status()).toBe(200)
  const { threadDepth } = (await settings.json()) as { threadDepth: number }
  expect(threadDepth).toBeGreaterThanOrEqual(3)
  const item = (depth: number) => page.locator('li.comment', { hasText: `Reply at depth ${depth}.` }).last()
  for (let depth = 2; depth <= threadDepth; depth++) {
    await expect(
      item(depth - 1)
        .locator('li.comment', { hasText: `Reply at depth ${depth}.` })
        .first(),
    ).toBeVisible()
  }
  await expect(item(threadDepth + 1)).toBeVisible()
  await expect(item(threadDepth).locator('li.comment', { hasText: `Reply at depth ${threadDepth + 1}.` })).toHaveCount(
    0,
  )
  await expect(level1.locator('li.comment', { hasText: 'Staff reply bold.' })).toBeVisible()
  await expect(
    page
      .locator('li.comment', { hasText: 'Disqus top comment.' })
      .locator('li.comment', { hasText: 'Disqus reply, listed first.' }),
  ).toBeVisible()
  await expect(page.getByRole('img', { name: 'A red photo' }).first()).toBeVisible()
})

test('a nested page renders at /level-1/level-2/level-3/', async ({ page }) => {
  const response = await page.goto('/level-1/level-2/level-3/')
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Level three')
  await expect(page.getByText('The deepest page.')).toBeVisible()
})

test('an article whose WordPress discussion was closed shows its old comments and no comment form', async ({
  page,
}) => {
  // The same site's open article has the form: the locators below find it where there is one.
  await page.goto('/articles/threads-and-things')
  await expect(page.locator('form#respond textarea')).toBeVisible()

  const response = await page.goto('/articles/closed-discussion')
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Closed discussion')
  const comments = page.getByRole('region', { name: 'Comments' })
  await expect(comments.locator('li.comment', { hasText: 'An old approved comment.' })).toBeVisible()
  await expect(comments.locator('.comments-closed')).toHaveText('Comments are closed on this article.')
  await expect(page.locator('form#respond')).toHaveCount(0)
  await expect(page.locator('textarea')).toHaveCount(0)
})
