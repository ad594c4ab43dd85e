import type { PayloadRequest } from 'payload'

import { GLOBAL } from '../sharedNames.mjs'

/**
 * Runs work once the request's database transaction has committed; at once when it has none.
 *
 * Payload runs afterChange hooks inside the operation's transaction. A cache expiry made there is
 * heard at once by this instance and, through Redis, by the others, so a reader's request in the
 * gap between the expiry and the commit renders the old version, which is then cached with nothing
 * left to expire it (the scale test caught one instance serving the old title after another's edit).
 * The work registered here runs after the commit, before the Local API call returns; a rolled-back
 * transaction changed nothing, so its work is dropped.
 *
 * Payload has no after-commit hook, so installAfterCommit wraps the adapter's commitTransaction and
 * rollbackTransaction (at init, payload.config.ts). The queue lives on the adapter, which every
 * server bundle of the process shares; without it installed, work runs at once, as before.
 */
type Work = () => void
type TransactionID = number | string
type Adapter = {
  sessions?: Record<string, unknown>
  commitTransaction: (id: TransactionID | Promise<TransactionID>) => Promise<void>
  rollbackTransaction: (id: TransactionID | Promise<TransactionID>) => Promise<void>
  [GLOBAL.afterCommit]?: Map<TransactionID, Work[]>
}

export function afterCommit(req: PayloadRequest, work: Work): void {
  const db = req.payload.db as unknown as Adapter
  const waiting = db[GLOBAL.afterCommit]
  const id = req.transactionID
  const open = waiting && id !== undefined && !(id instanceof Promise) && db.sessions?.[String(id)] !== undefined
  if (!open) return work()
  const list = waiting.get(id) ?? []
  list.push(work)
  waiting.set(id, list)
}

export function installAfterCommit(adapter: unknown): void {
  const db = adapter as Adapter
  if (db[GLOBAL.afterCommit]) return
  const waiting = new Map<TransactionID, Work[]>()
  db[GLOBAL.afterCommit] = waiting
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (incoming) => {
    const id = await incoming
    try {
      await commit(id)
    } finally {
      const work = waiting.get(id) ?? []
      waiting.delete(id)
      for (const run of work) run()
    }
  }
  db.rollbackTransaction = async (incoming) => {
    const id = await incoming
    waiting.delete(id)
    await rollback(id)
  }
}
