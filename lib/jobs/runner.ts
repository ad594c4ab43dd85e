import pg from 'pg'

import { jobsEnabledHere } from '../env.mjs'

// Which process runs the job queue. BYLINE_JOBS=off keeps a web instance from running it (a
// worker, `npm run worker`, does); the launcher's CLI runs (migrate, seed) never do. Among the
// processes that may, only the one holding a PostgreSQL advisory lock runs it: Payload marks a job
// as processing with a find and then an update, so two runners at the same tick could both take
// the same job. The lock is held on its own connection for the life of the process; if that
// process dies, its connection ends, the lock is free and another runner takes over on its next tick.
const JOB_LOCK = 0x6279_6c6e // "byln"

export { jobsEnabledHere }

let holder: pg.Client | null = null
let taking: Promise<boolean> | null = null

async function takeLock(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString })
  client.on('error', () => {
    if (holder === client) holder = null
  })
  try {
    await client.connect()
    const { rows } = await client.query('select pg_try_advisory_lock($1) as locked', [JOB_LOCK])
    if (rows[0].locked) {
      holder = client
      client.on('end', () => {
        if (holder === client) holder = null
      })
      return true
    }
  } catch {
    // The database is away: not the runner this tick.
  }
  await client.end().catch(() => {})
  return false
}

/** Whether this process runs the queue now: allowed here, and the holder of the job lock. */
export async function holdsJobLock(connectionString: string): Promise<boolean> {
  if (!jobsEnabledHere()) return false
  if (holder) return true
  taking ??= takeLock(connectionString).finally(() => (taking = null))
  return taking
}
