import type { Payload } from 'payload'

/**
 * Raw SQL for the few reads that Payload's query builder makes slow or chatty. Anonymous readers
 * see published articles whose publishedAt has come: this is access/staffOrPublished.ts in SQL,
 * so keep the two in step.
 */
export const publishedSql = (alias: string) =>
  `${alias}._status = 'published' and ${alias}.published_at <= now()`

type Pool = { query: <R>(sql: string, params?: unknown[]) => Promise<{ rows: R[] }> }

export const poolOf = (payload: Payload) => (payload.db as unknown as { pool: Pool }).pool
