import type { Payload } from 'payload'

import { MESSAGES } from './messages'

/**
 * Flood and per-address limits kept in Postgres (table comment_throttle, made by a migration),
 * so they hold across several app instances. Each check is one atomic upsert.
 */
export const FLOOD_SECONDS = 15

type Pool = {
  query: (sql: string, params: unknown[]) => Promise<{ rows: { count?: number }[]; rowCount: number | null }>
}
const poolOf = (payload: Payload) => (payload.db as unknown as { pool: Pool }).pool

/** Claims the key unless it was claimed less than `seconds` ago; false means "too soon". */
async function claim(pool: Pool, key: string, seconds = FLOOD_SECONDS): Promise<boolean> {
  const { rowCount } = await pool.query(
    `insert into comment_throttle (key, last_at) values ($1, now())
     on conflict (key) do update set last_at = excluded.last_at
     where comment_throttle.last_at < now() - make_interval(secs => $2)`,
    [key, seconds],
  )
  return rowCount === 1
}

/** One action per key per `seconds` (e.g. a sign-in link per address per minute); false: too soon. */
export const claimOnce = (payload: Payload, key: string, seconds: number) => claim(poolOf(payload), key, seconds)

/** Counts this hour's comments from one address; returns the count including this one. */
async function countThisHour(pool: Pool, key: string): Promise<number> {
  const { rows } = await pool.query(
    `insert into comment_throttle (key, last_at, window_start, count) values ($1, now(), date_trunc('hour', now()), 1)
     on conflict (key) do update set
       count = case when comment_throttle.window_start = date_trunc('hour', now()) then comment_throttle.count + 1 else 1 end,
       window_start = date_trunc('hour', now()), last_at = now()
     returning count`,
    [key],
  )
  return Number(rows[0]?.count ?? 0)
}

/** Counts this hour's actions under one key (e.g. sign-in links from one address), this one included. */
export const countInHour = (payload: Payload, key: string) => countThisHour(poolOf(payload), key)

export async function throttle(
  payload: Payload,
  keys: { ip: string; email: string | null },
  perIpPerHour: number,
): Promise<string | null> {
  const pool = poolOf(payload)
  const ipFree = await claim(pool, `flood:ip:${keys.ip}`)
  const emailFree = keys.email ? await claim(pool, `flood:email:${keys.email}`) : true
  if (!ipFree || !emailFree) return MESSAGES.flood
  if ((await countThisHour(pool, `hour:ip:${keys.ip}`)) > perIpPerHour) return MESSAGES.ipLimit
  return null
}
