import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { poolOf } from '@/lib/sql'
import type { Db } from '../../seed/bulk/sql'

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

/**
 * Many importer writes in one database transaction, committed every `maxWrites` items or
 * `maxMs` milliseconds. A commit per record (Payload's default: each create is its own
 * transaction) made every item wait for a WAL flush, most of the import's time. A run killed
 * mid-batch loses only that batch, which the next run writes again: every record is keyed on
 * its WordPress id, so nothing is written twice.
 */
export class WriteBatch {
  private request: PayloadRequest | null = null
  private opened = 0
  private writes = 0

  constructor(
    private payload: Payload,
    private maxWrites = 200,
    private maxMs = 1000,
  ) {}

  /** The request carrying the open transaction (opened on first use), for Local API calls. */
  async req(): Promise<PayloadRequest> {
    if (!this.request) {
      const req = await createLocalReq({ context: { ...IMPORT_CONTEXT } }, this.payload)
      await initTransaction(req)
      this.request = req
      this.opened = Date.now()
      this.writes = 0
    }
    return this.request
  }

  /** The transaction's own connection, for raw SQL that must commit or roll back with the batch. */
  async client(): Promise<Db> {
    const req = await this.req()
    const sessions = (this.payload.db as unknown as { sessions: Record<string, { db: { session: { client: Db } } }> })
      .sessions
    const session = sessions[String(await req.transactionID)]
    if (!session) throw new Error('the import batch has no open transaction')
    return session.db.session.client
  }

  /** One item written: commits when the batch is full or old enough. */
  async wrote() {
    if (!this.request) return
    this.writes++
    if (this.writes >= this.maxWrites || Date.now() - this.opened >= this.maxMs) await this.commit()
  }

  async commit() {
    const req = this.request
    this.request = null
    if (req) await commitTransaction(req)
  }

  async rollback() {
    const req = this.request
    this.request = null
    if (req) await killTransaction(req)
  }
}
