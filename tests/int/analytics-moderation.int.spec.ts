import { Forbidden, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { moderationAnalytics } from '@/lib/analytics/moderation'
import { poolOf } from '@/lib/sql'
import type { User } from '@/payload-types'
import { ctx, publishedArticle } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { createStaff, PASSWORD, type Role } from '../helpers/staff'

/**
 * A known set of comments and decisions, with chosen timestamps, and the exact figures expected
 * from it. NOW is fixed; the window is 30 calendar days in the zone asked for, today included.
 */
const NOW = new Date('2026-11-20T12:00:00.000Z')
const H = 3_600_000
const at = (msBeforeNow: number) => new Date(NOW.getTime() - msBeforeNow)

let payload: Payload
let stop: () => Promise<void>
let staff: Record<Role, User>
let articleId: number

type Hit = { rule: unknown; weight: unknown; reason?: string }
const hit = (rule: string, weight: number): Hit => ({ rule, weight, reason: 'seeded' })
const MANUAL = hit('manualApproval', 5)
const LINKS = hit('links', 10)
const WORD = hit('moderationWord', 10)
const HONEYPOT = hit('honeypot', 100)
const TRUST = hit('trustedAuthor', -5)

type Seed = {
  status: 'pending' | 'approved' | 'spam' | 'trash'
  created: Date
  decided?: Date
  by?: 'moderator' | 'admin'
  hits?: unknown[] | null
}

async function seed(rows: Seed[]) {
  const pool = poolOf(payload)
  for (const [i, r] of rows.entries()) {
    await pool.query(
      `insert into comments (article_id, body, excerpt, author_name, status, verdict, created_at, updated_at, moderated_by_id, moderated_at)
       values ($1, $2, $2, 'Seeded', $3, $4, $5, $5, $6, $7)`,
      [
        articleId,
        `Seeded comment ${i + 1}`,
        r.status,
        r.hits === null ? null : JSON.stringify({ score: 0, hits: r.hits ?? [] }),
        r.created.toISOString(),
        r.by ? staff[r.by].id : null,
        r.decided ? r.decided.toISOString() : null,
      ],
    )
  }
}

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  staff = await createStaff(payload)
  articleId = (await publishedArticle(payload)).id
  await seed([
    // 1-7, 14, 15: decisions inside the window (UTC: since 2026-10-22T00:00Z).
    { status: 'approved', created: at(2 * H), decided: at(1 * H), by: 'moderator', hits: [MANUAL] }, // 1 h
    { status: 'spam', created: at(5 * H), decided: at(2 * H), by: 'moderator', hits: [LINKS, MANUAL] }, // 3 h
    { status: 'trash', created: at(26 * H), decided: at(24 * H), by: 'moderator', hits: [WORD, MANUAL] }, // 2 h
    { status: 'approved', created: at(50 * H), decided: at(46 * H), by: 'admin', hits: [WORD] }, // 4 h
    { status: 'spam', created: at(72 * H), decided: at(71.5 * H), by: 'admin', hits: [HONEYPOT] }, // 0.5 h
    // Decided at 02:00 UTC on the 20th, which is the evening of the 19th in New York.
    { status: 'spam', created: at(12 * H), decided: at(10 * H), by: 'admin', hits: [TRUST] }, // 2 h
    { status: 'approved', created: at(10 * 24 * H), decided: at(9 * 24 * H), by: 'moderator', hits: [TRUST] }, // 24 h
    { status: 'trash', created: at(0.5 * H), decided: at(H / 6), by: 'moderator', hits: null }, // 20 min, no verdict
    {
      // Exactly at the window's start; odd hits are ignored.
      status: 'approved',
      created: new Date('2026-10-21T23:00:00Z'),
      decided: new Date('2026-10-22T00:00:00Z'),
      by: 'moderator',
      hits: [hit('odd', 0), 'garbage', { rule: 5, weight: 10 }, { rule: 'noWeight', weight: '10' }],
    }, // 1 h
    // Not decisions in the window:
    {
      status: 'approved',
      created: new Date('2026-10-20T00:00:00Z'),
      decided: new Date('2026-10-21T23:59:00Z'),
      by: 'moderator',
      hits: [LINKS],
    },
    { status: 'approved', created: at(H), decided: at(-H), by: 'moderator', hits: [LINKS] }, // after NOW
    { status: 'pending', created: at(4 * H), decided: at(H), by: 'moderator', hits: [LINKS] }, // sent back to the queue
    { status: 'approved', created: at(3 * H), hits: [TRUST] }, // approved by the verdict, nobody decided
    // The queue: the comment sent back above, and these two.
    { status: 'pending', created: at(74 * H), hits: [MANUAL] },
    { status: 'pending', created: at(H), hits: [MANUAL] },
  ])
})
afterAll(() => stop?.())

describe('moderation analytics on a seeded set', () => {
  it('queue, totals, median, per moderator and per rule are exact (UTC)', async () => {
    const a = await moderationAnalytics(payload, { user: staff.moderator, now: NOW, timeZone: 'UTC' })
    expect(a.since).toBe('2026-10-22T00:00:00.000Z')
    expect(a.queue).toEqual({ pending: 3, oldestPendingAt: at(74 * H).toISOString(), oldestPendingAgeMs: 74 * H })
    // Times to decision: 1/3, 0.5, 1, 1, 2, 2, 3, 4, 24 hours: the median is the fifth.
    expect(a.decisions).toEqual({ approved: 4, spam: 3, trash: 2, total: 9, medianMsToDecision: 2 * H })
    expect(a.perModerator).toEqual([
      { id: staff.moderator.id, name: 'Test moderator', approved: 3, spam: 1, trash: 2, total: 6 },
      { id: staff.admin.id, name: 'Test admin', approved: 1, spam: 2, trash: 0, total: 3 },
    ])
    expect(a.rules).toEqual([
      { rule: 'manualApproval', direction: 'flag', decided: 3, agreed: 2, overturned: 1, precision: 2 / 3 },
      { rule: 'moderationWord', direction: 'flag', decided: 2, agreed: 1, overturned: 1, precision: 0.5 },
      { rule: 'trustedAuthor', direction: 'trust', decided: 2, agreed: 1, overturned: 1, precision: 0.5 },
      { rule: 'honeypot', direction: 'flag', decided: 1, agreed: 1, overturned: 0, precision: 1 },
      { rule: 'links', direction: 'flag', decided: 1, agreed: 1, overturned: 0, precision: 1 },
    ])
  })

  it('decisions per day: 30 calendar days, zeros included, exact counts (UTC)', async () => {
    const { perDay } = await moderationAnalytics(payload, { user: staff.admin, now: NOW, timeZone: 'UTC' })
    expect(perDay).toHaveLength(30)
    expect(perDay[0].day).toBe('2026-10-22')
    expect(perDay[29].day).toBe('2026-11-20')
    const nonZero = perDay.filter((d) => d.total > 0)
    expect(nonZero).toEqual([
      { day: '2026-10-22', approved: 1, spam: 0, trash: 0, total: 1 },
      { day: '2026-11-11', approved: 1, spam: 0, trash: 0, total: 1 },
      { day: '2026-11-17', approved: 0, spam: 1, trash: 0, total: 1 },
      { day: '2026-11-18', approved: 1, spam: 0, trash: 0, total: 1 },
      { day: '2026-11-19', approved: 0, spam: 0, trash: 1, total: 1 },
      { day: '2026-11-20', approved: 1, spam: 2, trash: 1, total: 4 },
    ])
  })

  it('days and the window follow the site time zone (New York)', async () => {
    const a = await moderationAnalytics(payload, { user: staff.moderator, now: NOW, timeZone: 'America/New_York' })
    // Midnight of 22 October in New York (still summer time) is 04:00 UTC: the decision at 00:00 UTC is out.
    expect(a.since).toBe('2026-10-22T04:00:00.000Z')
    expect(a.decisions.total).toBe(8)
    const byDay = Object.fromEntries(a.perDay.map((d) => [d.day, d]))
    expect(byDay['2026-11-20']).toEqual({ day: '2026-11-20', approved: 1, spam: 1, trash: 1, total: 3 })
    expect(byDay['2026-11-19']).toEqual({ day: '2026-11-19', approved: 0, spam: 1, trash: 1, total: 2 })
    expect(a.perDay.reduce((n, d) => n + d.total, 0)).toBe(8)
  })
})

describe('a decision made through the admin is counted', () => {
  it('a moderator approving a pending comment appears under their name today', async () => {
    const moderator2 = await payload.create({
      collection: 'users',
      data: {
        email: `mod2-${Date.now()}@example.test`,
        name: 'Second moderator',
        roles: ['moderator'],
        password: PASSWORD,
      },
      context: ctx,
    })
    const comment = await payload.create({
      collection: 'comments',
      data: {
        article: articleId,
        body: 'Through the hook',
        authorName: 'Ann',
        status: 'pending',
        verdict: { score: 10, hits: [LINKS] },
      },
      context: ctx,
    })
    await payload.update({
      collection: 'comments',
      id: comment.id,
      data: { status: 'approved' },
      user: moderator2,
      overrideAccess: false,
      context: ctx,
    })
    const a = await moderationAnalytics(payload, { user: staff.admin })
    const mine = a.perModerator.filter((m) => m.id === moderator2.id)
    expect(mine).toEqual([{ id: moderator2.id, name: 'Second moderator', approved: 1, spam: 0, trash: 0, total: 1 }])
    expect(a.perDay.at(-1)!.approved).toBeGreaterThanOrEqual(1)
    const links = a.rules.find((r) => r.rule === 'links')
    expect(links?.overturned).toBeGreaterThanOrEqual(1)
  })
})

describe('access', () => {
  it('editors, readers and anonymous callers are refused with Forbidden (403)', async () => {
    for (const user of [staff.editor, null, undefined]) {
      const error = await moderationAnalytics(payload, { user, now: NOW }).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(Forbidden)
      expect((error as Forbidden).status).toBe(403)
    }
  })

  it('moderators and admins are let in', async () => {
    for (const user of [staff.moderator, staff.admin]) {
      const a = await moderationAnalytics(payload, { user, now: NOW, timeZone: 'UTC' })
      expect(a.decisions.total).toBe(9)
    }
  })
})
