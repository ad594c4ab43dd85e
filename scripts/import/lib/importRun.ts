import path from 'node:path'
import type { Payload } from 'payload'

import type { ImportReport } from './report'

/**
 * Records one importer run in the Imports collection around `work`: running, then finished or
 * failed with counts, warnings and duration. A run still "running" when the next starts was
 * killed: it is marked interrupted. A dry run records nothing.
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
  await payload.update({
    collection: 'imports',
    where: { state: { equals: 'running' } },
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
    },
  })
  const finish = async (state: 'finished' | 'failed', error?: unknown) => {
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
