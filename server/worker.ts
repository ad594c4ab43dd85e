// `npm run worker` (through server/launcher.mjs, which runs `payload run server/worker.ts`): runs the
// job queue (scheduled publishing, trash purge, mail) and nothing else, for sites whose web
// instances run with BYLINE_JOBS=off. Payload's own timer runs the queue every 5 seconds; with
// two workers, only the holder of the job lock does (lib/jobs/runner.ts).
import config from '@payload-config'
import fs from 'node:fs'
import { getPayload } from 'payload'

import { redisUrl } from '../lib/env.mjs'
import { poolOf } from '../lib/sql'
import { HEARTBEAT_EVERY_MS, heartbeatFile } from './workerHealth.mjs'

// A scheduled article's job expires its tags in the shared cache, as a web instance would.
if (redisUrl()) {
  const { shared } = await import('./cache/redisCacheHandler.mjs')
  await shared().ready
}

const payload = await getPayload({ config, cron: true })
// The health check (server/workerHealth.mjs) reads this file's age: written while the event loop
// turns and the database answers.
const pool = poolOf(payload)
const beat = () =>
  pool
    .query('select 1')
    .then(() => fs.promises.writeFile(heartbeatFile(), `${new Date().toISOString()}\n`))
    .catch(() => {})
await beat()
setInterval(beat, HEARTBEAT_EVERY_MS)
console.log('byline: job worker running (queue "default", every 5 seconds)')
const stop = async () => {
  await payload.destroy()
  process.exit(0)
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
// Payload's cron keeps the process alive; this script never finishes (its caller exits when it does).
await new Promise(() => {})
