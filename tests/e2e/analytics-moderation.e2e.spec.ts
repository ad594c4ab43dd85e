import pg from 'pg'

import { createArticle, staffRequest, uniqueSlug } from './helpers/api'
import { loginToAdmin } from './helpers/admin'
import { expect, test } from './helpers/fixtures'
import { screenshot } from './helpers/front'
import { ADMIN, EDITOR, type Staff } from './helpers/staff'

/**
 * Moderation analytics on the production build. A fresh moderator account gets a known set of
 * decisions, dated 20 days ago (no other spec decides anything then), so the moderator's row and
 * that day's row are exact whatever else the suite has done; the queue figures are lower bounds.
 */
const DAY = 86_400_000
const HOUR = 3_600_000

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is not set: run this spec through `npm run test:e2e`')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(text, params)).rows
  } finally {
    await client.end()
  }
}

test('a moderator sees the figures of a seeded set of decisions; screenshots', async ({ page }) => {
  const id = Date.now().toString(36)
  const moderator: Staff = {
    email: `e2e-analytics-${id}@byline.test`,
    password: `analytics-${id}-password`,
    name: `Analytics Mod ${id}`,
  }
  const admin = await staffRequest(ADMIN)
  const made = await admin.post('/api/users', { data: { ...moderator, roles: ['moderator'] } })
  expect(made.status(), await made.text()).toBe(201)
  const moderatorId: number = (await made.json()).doc.id
  const article = await createArticle(admin, {
    title: `Analytics ${id}`,
    slug: uniqueSlug('analytics'),
    status: 'published',
  })
  await admin.dispose()

  // Noon UTC (the e2e server's SITE_TIMEZONE is the default, UTC) 20 days ago.
  const today = new Date()
  const noon = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 12) - 20 * DAY
  const day = new Date(noon).toISOString().slice(0, 10)
  const hits = (...rules: [string, number][]) =>
    JSON.stringify({ score: 0, hits: rules.map(([rule, weight]) => ({ rule, weight, reason: 'seeded' })) })
  const seeded: [string, number, string][] = [
    // status, hours from comment to decision, verdict hits
    ['approved', 1, hits(['links', 10])],
    ['approved', 2, hits(['manualApproval', 5])],
    ['spam', 3, hits(['links', 10], ['manualApproval', 5])],
    ['trash', 4, hits(['moderationWord', 10])],
  ]
  for (const [status, hours, verdict] of seeded) {
    await sql(
      `insert into comments (article_id, body, excerpt, author_name, status, verdict, created_at, updated_at, moderated_by_id, moderated_at)
       values ($1, 'Seeded for analytics', 'Seeded for analytics', 'Seeded', $2, $3, $4, $4, $5, $6)`,
      [
        article.id,
        status,
        verdict,
        new Date(noon - hours * HOUR).toISOString(),
        moderatorId,
        new Date(noon).toISOString(),
      ],
    )
  }
  // A comment that has waited 45 days: the oldest pending one is at least that old.
  await sql(
    `insert into comments (article_id, body, excerpt, author_name, status, verdict, created_at, updated_at)
     values ($1, 'Waiting for ages', 'Waiting for ages', 'Seeded', 'pending', $2, $3, $3)`,
    [article.id, hits(['manualApproval', 5]), new Date(Date.now() - 45 * DAY).toISOString()],
  )

  await loginToAdmin(page, moderator)
  await page.getByRole('link', { name: 'Moderation analytics' }).click()
  await expect(page).toHaveURL(/\/admin\/moderation-analytics$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Moderation analytics' })).toBeVisible()

  const cells = (table: string, row: string | number) =>
    page.locator(`table[data-table="${table}"] tr[data-row="${row}"]`).locator('th, td')
  await expect(cells('moderators', moderatorId)).toHaveText([moderator.name, '2', '1', '1', '4'])
  // The last cell is the bar (hidden from assistive technology).
  await expect(cells('days', day)).toHaveText([/\d+ \w{3}/, '2', '1', '1', '4', ''])

  const pending = Number(await page.locator('[data-figure="pending"] dd').innerText())
  expect(pending).toBeGreaterThanOrEqual(1)
  const oldest = await page.locator('[data-figure="oldest"] dd').innerText()
  expect(Number(/^(\d+) d\b/.exec(oldest)?.[1])).toBeGreaterThanOrEqual(45)
  expect(Number(await page.locator('[data-figure="decisions"] dd').innerText())).toBeGreaterThanOrEqual(4)
  await expect(page.locator('[data-figure="median"] dd')).toHaveText(/^\d+ (s|min|h|d)/)

  // Per rule: the seeded set alone gives links 1 agreed of 2, manualApproval 1 of 2, moderationWord 1 of 1.
  const rules = page.locator('table[data-table="rules"] tbody tr')
  await expect(rules.first()).toBeVisible()
  for (const [rule, decided, agreed] of [
    ['links', 2, 1],
    ['manualApproval', 2, 1],
    ['moderationWord', 1, 1],
  ] as const) {
    const row = cells('rules', `${rule}-flag`)
    await expect(row.first()).toHaveText(rule)
    expect(Number(await row.nth(2).innerText())).toBeGreaterThanOrEqual(decided)
    expect(Number(await row.nth(3).innerText())).toBeGreaterThanOrEqual(agreed)
    await expect(row.nth(5)).toHaveText(/^\d+ %$/)
  }

  for (const width of [390, 1366]) await screenshot(page, 'moderation-analytics', width)
})

test('an editor is refused the analytics and is not offered the link', async ({ page }) => {
  await loginToAdmin(page, EDITOR)
  await expect(page.getByRole('heading', { name: 'My drafts' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Moderation analytics' })).toHaveCount(0)
  const response = await page.goto('/admin/moderation-analytics')
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1, name: 'Moderation analytics' })).toBeVisible()
  await expect(page.getByRole('alert').filter({ hasText: 'for moderators and admins' })).toBeVisible()
  await expect(page.locator('table[data-table]')).toHaveCount(0)
  await expect(page.locator('[data-figure]')).toHaveCount(0)
})
