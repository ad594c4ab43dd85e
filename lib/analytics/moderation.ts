import { Forbidden, type Payload } from 'payload'

import { mayReadModerationAnalytics } from '@/access/moderationAnalytics'
import { now as clockNow } from '@/lib/clock'
import { siteTimeZone } from '@/lib/env.mjs'
import { poolOf } from '@/lib/sql'

/**
 * Moderation figures for the admin (components/admin/dashboard/ModerationAnalytics.tsx), over the
 * last WINDOW_DAYS calendar days in the site's time zone, today included.
 *
 * A decision is the latest status a staff member gave a comment (collections/Comments/hooks/
 * recordModeration.ts stores who and when on the comment): approved, spam or trash, made inside
 * the window. A comment sent back to the queue (pending) is not a decision; a comment decided
 * twice counts once, as its last decision. Every query is an aggregate with a bounded result.
 *
 * Precision per rule of the automatic verdict (lib/comments/rules.ts, hits stored in
 * `comments.verdict`): a rule with a positive weight says "hold or spam"; a moderator agrees when
 * they keep the comment off the site (spam or trash) and overturns it by approving. A rule with a
 * negative weight (trustedAuthor) says "let it through"; approving agrees, spam or trash
 * overturns. Precision = agreed / (agreed + overturned).
 */
export const WINDOW_DAYS = 30
const MAX_MODERATORS = 50
const MAX_RULES = 50

export type DecisionCounts = { approved: number; spam: number; trash: number; total: number }
export type DayFigures = DecisionCounts & { day: string }
export type ModeratorFigures = DecisionCounts & { id: number; name: string }
export type RuleFigures = {
  rule: string
  /** What the rule says about a comment: hold it (or spam), or trust it. */
  direction: 'flag' | 'trust'
  decided: number
  agreed: number
  overturned: number
  /** agreed / decided, null when no decided comment carried the rule. */
  precision: number | null
}

export type ModerationAnalytics = {
  now: string
  /** Start of the window: midnight in timeZone, WINDOW_DAYS - 1 days before today. */
  since: string
  timeZone: string
  queue: { pending: number; oldestPendingAt: string | null; oldestPendingAgeMs: number | null }
  decisions: DecisionCounts & { medianMsToDecision: number | null }
  /** One entry per calendar day of the window, oldest first, zeros included. */
  perDay: DayFigures[]
  perModerator: ModeratorFigures[]
  rules: RuleFigures[]
}

type Options = { user: Parameters<typeof mayReadModerationAnalytics>[0]; now?: Date; timeZone?: string }

const DECIDED = `c.moderated_by_id is not null and c.status in ('approved', 'spam', 'trash')
  and c.moderated_at >= $1 and c.moderated_at <= $2`

const counts = `count(*) filter (where c.status = 'approved')::int as approved,
  count(*) filter (where c.status = 'spam')::int as spam,
  count(*) filter (where c.status = 'trash')::int as trash,
  count(*)::int as total`

type CountRow = { approved: number; spam: number; trash: number; total: number }
const pickCounts = (r: CountRow): DecisionCounts => ({
  approved: r.approved,
  spam: r.spam,
  trash: r.trash,
  total: r.total,
})

export async function moderationAnalytics(
  payload: Payload,
  { user, now = clockNow(), timeZone = siteTimeZone() }: Options,
): Promise<ModerationAnalytics> {
  if (!mayReadModerationAnalytics(user)) throw new Forbidden()
  const pool = poolOf(payload)

  const [{ since, today }] = (
    await pool.query<{ since: Date; today: string }>(
      `select ((date_trunc('day', $1::timestamptz at time zone $2) - make_interval(days => $3)) at time zone $2) as since,
              to_char(($1::timestamptz at time zone $2)::date, 'YYYY-MM-DD') as today`,
      [now.toISOString(), timeZone, WINDOW_DAYS - 1],
    )
  ).rows
  const window = [since.toISOString(), now.toISOString()]

  const [queue, totals, days, moderators, rules] = await Promise.all([
    pool.query<{ pending: number; oldest: Date | null }>(
      `select count(*)::int as pending, min(created_at) as oldest from comments where status = 'pending'`,
    ),
    pool.query<CountRow & { median_ms: number | null }>(
      `select ${counts},
         percentile_cont(0.5) within group (order by extract(epoch from c.moderated_at - c.created_at) * 1000) as median_ms
       from comments c where ${DECIDED}`,
      window,
    ),
    pool.query<CountRow & { day: string }>(
      `select to_char((c.moderated_at at time zone $3)::date, 'YYYY-MM-DD') as day, ${counts}
       from comments c where ${DECIDED} group by 1`,
      [...window, timeZone],
    ),
    pool.query<CountRow & { id: number; name: string | null; email: string }>(
      `select u.id, u.name, u.email, ${counts}
       from comments c join users u on u.id = c.moderated_by_id
       where ${DECIDED} group by u.id order by total desc, u.id limit ${MAX_MODERATORS}`,
      window,
    ),
    pool.query<{ rule: string; direction: 'flag' | 'trust'; decided: number; agreed: number }>(
      // CASE guards the casts: a hit that is not { rule: string, weight: number } is skipped.
      `select x.rule, case when x.w > 0 then 'flag' else 'trust' end as direction,
         count(*)::int as decided,
         count(*) filter (where (x.w > 0 and x.status in ('spam', 'trash')) or (x.w < 0 and x.status = 'approved'))::int as agreed
       from (
         select c.status,
           case when jsonb_typeof(h) = 'object' and jsonb_typeof(h->'rule') = 'string' then h->>'rule' end as rule,
           case when jsonb_typeof(h) = 'object' and jsonb_typeof(h->'weight') = 'number' then (h->>'weight')::numeric end as w
         from comments c
         cross join lateral jsonb_array_elements(
           case when jsonb_typeof(c.verdict->'hits') = 'array' then c.verdict->'hits' else '[]'::jsonb end) as h
         where ${DECIDED}
       ) x
       where x.rule is not null and x.w is not null and x.w <> 0
       group by 1, 2 order by decided desc, x.rule limit ${MAX_RULES}`,
      window,
    ),
  ])

  const byDay = new Map(days.rows.map((r) => [r.day, pickCounts(r)]))
  const perDay: DayFigures[] = []
  const [y, m, d] = today.split('-').map(Number)
  for (let i = WINDOW_DAYS - 1; i >= 0; i -= 1) {
    const day = new Date(Date.UTC(y, m - 1, d - i)).toISOString().slice(0, 10)
    perDay.push({ day, ...(byDay.get(day) ?? { approved: 0, spam: 0, trash: 0, total: 0 }) })
  }

  const oldest = queue.rows[0].oldest
  const total = totals.rows[0]
  return {
    now: now.toISOString(),
    since: since.toISOString(),
    timeZone,
    queue: {
      pending: queue.rows[0].pending,
      oldestPendingAt: oldest ? oldest.toISOString() : null,
      oldestPendingAgeMs: oldest ? Math.max(0, now.getTime() - oldest.getTime()) : null,
    },
    decisions: {
      ...pickCounts(total),
      medianMsToDecision: total.median_ms === null ? null : Math.round(Number(total.median_ms)),
    },
    perDay,
    perModerator: moderators.rows.map((r) => ({ id: r.id, name: r.name?.trim() || r.email, ...pickCounts(r) })),
    rules: rules.rows.map((r) => ({
      rule: r.rule,
      direction: r.direction,
      decided: r.decided,
      agreed: r.agreed,
      overturned: r.decided - r.agreed,
      precision: r.decided ? r.agreed / r.decided : null,
    })),
  }
}

/** "3 h 20 min", "2 d 4 h", "45 s": a duration for people. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—'
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const min = Math.floor(s / 60)
  if (min < 60) return `${min} min`
  const h = Math.floor(min / 60)
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`
  const days = Math.floor(h / 24)
  return h % 24 ? `${days} d ${h % 24} h` : `${days} d`
}
