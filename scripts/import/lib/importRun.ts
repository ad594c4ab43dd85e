import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

import type { Import } from '@/payload-types'
import type { ImportReport } from './report'

/** How often a running import says it is alive, and how long a silent one is taken for dead. */
export const HEARTBEAT_MS = 30_000
export const SILENT_MS = 5 * 60_000

/**
 * Whether a row still "running" belongs to a run that is gone. On this host its process answers
 * or not (signal 0): a run killed a moment ago is known dead at once. A run from another host (a
 * container has a host name of its own) cannot be asked: it is gone when its heartbeat has been
 * silent for SILENT_MS. A pid the system has since given to another process also falls back
 * to the heartbeat.
 */
export function isGone(row: Pick<Import, 'host' | 'pid' | 'heartbeatAt' | 'startedAt'>, now = Date.now()): boolean {
  const beat = Date.parse(row.heartbeatAt ?? row.startedAt)
  if (!(now - beat < SILENT_MS)) return true
  if (row.host !== os.hostname() || !row.pid) return false
  return row.pid !== process.pid && !processAlive(row.pid)
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    // EPERM: the process exists (another user's).
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
  if (process.platform !== 'linux') return true
  // A killed process that its parent has not reaped yet (a zombie: the importer's parents die with
  // it, and init reaps it a second or so later) still answers signal 0.
  try {
    return !/^\d+ \(.*\) Z/s.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

/**
 * Records one importer run in the Imports collection around `work`: running (with its host,
 * pid and a heartbeat every HEARTBEAT_MS), then finished or failed with counts, warnings and
 * duration. Runs of the same importer still "running" whose process is gone were killed: they
 * are marked interrupted. A run of the other importer, or one still alive, is left alone. A dry
 * run records nothing.
 */
export async function recordRun<T>(
  payload: Payload,
  run: {
    source: 'wordpress' | 'disqus'
    file: string
    sha256: string
    bytes: number
    userId: number | null
    dryRun: boolean
    report: ImportReport
  },
  work: () => Promise<T>,
): Promise<{ result: T; importId: number | null }> {
  if (run.dryRun) return { result: await work(), importId: null }
  const started = Date.now()
  const { docs: running } = await payload.find({
    collection: 'imports',
    where: { and: [{ state: { equals: 'running' } }, { source: { equals: run.source } }] },
    select: { host: true, pid: true, heartbeatAt: true, startedAt: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const gone = running.filter((row) => isGone(row, started)).map((row) => row.id)
  if (gone.length)
    await payload.update({
      collection: 'imports',
      where: { and: [{ id: { in: gone } }, { state: { equals: 'running' } }] },
      data: { state: 'interrupted' },
      overrideAccess: true,
    })
  const { id } = await payload.create({
    collection: 'imports',
    overrideAccess: true,
    data: {
      source: run.source,
      fileName: path.basename(run.file),
      fileHash: run.sha256,
      fileSize: run.bytes,
      importedBy: run.userId,
      dryRun: false,
      state: 'running',
      startedAt: new Date(started).toISOString(),
      host: os.hostname(),
      pid: process.pid,
      heartbeatAt: new Date(started).toISOString(),
    },
  })
  // Its own statement on the pool, outside the import's transactions; a missed beat is harmless.
  const heartbeat = setInterval(() => {
    payload
      .update({
        collection: 'imports',
        id,
        data: { heartbeatAt: new Date().toISOString() },
        overrideAccess: true,
        depth: 0,
      })
      .catch(() => {})
  }, HEARTBEAT_MS)
  heartbeat.unref()
  const finish = async (state: 'finished' | 'failed', error?: unknown) => {
    clearInterval(heartbeat)
    // The running site's caches predate what was written (even by a failed run): its job queue
    // expires them (jobs/expireSiteCache.ts).
    await payload.jobs.queue({ task: 'expireSiteCache', input: { reason: `${run.source} import ${id} ${state}` } })
    await payload.update({
      collection: 'imports',
      id,
      overrideAccess: true,
      data: {
        state,
        finishedAt: new Date().toISOString(),
        durationMs: Date.now() - started,
        counts: run.report.counts,
        warnings: run.report.allWarnings(),
        ...(error ? { error: String((error as Error).stack ?? error) } : {}),
      },
    })
  }
  try {
    const result = await work()
    await finish('finished')
    return { result, importId: id }
  } catch (error) {
    await finish('failed', error)
    throw error
  }
}

/** The admin credited with what has no known author (default: the first admin account). */
export async function findAdmin(payload: Payload, email?: string) {
  const { docs } = await payload.find({
    collection: 'users',
    where: email ? { email: { equals: email } } : { roles: { in: ['admin'] } },
    sort: 'id',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (email && !docs.length) throw new Error(`no staff account with the email ${email} (--admin)`)
  return docs[0] ?? null
}
