import type { Payload } from 'payload'

import { replicaReadAllowed } from '@/lib/database/readRouting.mjs'
import { now } from '@/lib/clock'

/**
 * Raw SQL for the few reads that Payload's query builder makes slow or chatty. Anonymous readers
 * see published articles whose publishedAt has come: this is access/staffOrPublished.ts in SQL,
 * so keep the two in step. "Now" is the app's clock (lib/clock.ts), as in every rule, not the
 * database's; the literal is an ISO timestamp this function makes, never input. Call it where the
 * query is made (never into a module-level constant, which would freeze "now" at start).
 */
export const publishedSql = (alias: string) =>
  `${alias}._status = 'published' and ${alias}.published_at <= '${now().toISOString()}'::timestamptz`

type Pool = { query: <R>(sql: string, params?: unknown[]) => Promise<{ rows: R[] }> }

export const poolOf = (payload: Payload) => (payload.db as unknown as { pool: Pool }).pool

/**
 * The pool for a reader's read: a replica (DATABASE_READ_URLS) while serving an anonymous GET
 * outside the moments after a change (lib/database/readRouting.mjs), else the primary's.
 */
export function readPoolOf(payload: Payload): Pool {
  const db = payload.db as unknown as {
    readPools?: Pool[]
    lastWriteTimestamp?: number
    readReplicasAfterWriteInterval?: number
  }
  const pools = db.readPools
  if (!pools?.length || !replicaReadAllowed()) return poolOf(payload)
  if (Date.now() - (db.lastWriteTimestamp ?? 0) < (db.readReplicasAfterWriteInterval ?? 2_000)) return poolOf(payload)
  nextPool = (nextPool + 1) % pools.length
  return pools[nextPool]
}
let nextPool = 0
