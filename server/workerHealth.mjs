#!/usr/bin/env node
// The job worker's health, for docker-compose.yml's `worker` health check (`node
// server/workerHealth.mjs`, exit 0 healthy, 1 not). server/worker.ts writes a heartbeat file every
// 10 seconds once the database has answered a query; the worker is healthy while that file is
// less than a minute old. A worker whose event loop is stuck, or that cannot reach PostgreSQL,
// turns unhealthy within the minute. The file is in the system's temporary folder (TMPDIR), one per
// container; workers sharing a machine each get a TMPDIR of their own (scripts/scale.mjs).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const HEARTBEAT_EVERY_MS = 10_000
export const HEARTBEAT_STALE_MS = 60_000
export const heartbeatFile = () => path.join(os.tmpdir(), 'byline-worker-heartbeat')

/** Whether the worker's heartbeat file was written within HEARTBEAT_STALE_MS of `now`. */
export function workerHealthy(now = Date.now()) {
  try {
    return now - fs.statSync(heartbeatFile()).mtimeMs < HEARTBEAT_STALE_MS
  } catch {
    return false
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const healthy = workerHealthy()
  if (!healthy)
    console.error(
      `byline: the job worker has not written ${heartbeatFile()} in the last ${HEARTBEAT_STALE_MS / 1000} s`,
    )
  process.exit(healthy ? 0 : 1)
}
