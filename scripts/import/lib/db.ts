import type { Payload } from 'payload'

import { poolOf } from '@/lib/sql'

/** importId → row id for one table: what earlier runs already imported (one query per table). */
export async function importedIds(payload: Payload, table: string, prefix: string): Promise<Map<string, number>> {
  const { rows } = await poolOf(payload).query<{ id: number; import_id: string }>(
    `select id, import_id from "${table}" where import_id like $1`,
    [`${prefix}%`],
  )
  return new Map(rows.map((r) => [r.import_id, r.id]))
}

export async function rowsOf<R>(payload: Payload, sql: string, params: unknown[] = []): Promise<R[]> {
  return (await poolOf(payload).query<R>(sql, params)).rows
}

export async function column<T>(payload: Payload, sql: string, params: unknown[] = []): Promise<T[]> {
  const { rows } = await poolOf(payload).query<{ v: T }>(sql, params)
  return rows.map((r) => r.v)
}

/** Request context for every importer write: no cache expiry, mail, spam rules or recounts. */
export const IMPORT_CONTEXT = { disableRevalidate: true, importing: true, skipReaderRecount: true } as const
