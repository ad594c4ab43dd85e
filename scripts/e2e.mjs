#!/usr/bin/env node
// `npm run test:e2e [-- <playwright args>]`: builds the site, serves the production build on a
// throwaway database and a temp media directory, runs Playwright against it, then tears it all
// down. TEST_DATABASE_URL (a server you may create databases on) replaces the embedded
// PostgreSQL; E2E_SKIP_BUILD=1 reuses an existing .next build; E2E_SERVER_LOG=<file> keeps the
// server's output (otherwise printed only when something fails).
// Before the server starts, this script also starts what reader sign-in needs, on 127.0.0.1: an
// SMTP catcher (Playwright reads its mail at E2E_MAIL_URL) and a real OpenID Connect provider
// (E2E_OIDC_ISSUER); the server gets their addresses as SMTP_* and OIDC_* settings, and
// BYLINE_TEST_CLOCK=1 so tests can step past the comment edit window without sleeping.
// It also starts a purge webhook receiver (E2E_PURGE_RECEIVED lists what it got) and serves the
// site with BYLINE_SURROGATE_KEYS=1 and BYLINE_PURGE_URL/BYLINE_PURGE_TOKEN pointing at it, as
// behind a CDN (tests/e2e/cdn.e2e.spec.ts); those settings only add headers and outgoing calls.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createThrowawayDatabase, dropDatabase, freePort, startEmbeddedPostgres } from '../server/database.mjs'
import { startMailCatcher } from '../tests/servers/mailCatcher.mjs'
import { startOidcProvider } from '../tests/servers/oidcProvider.mjs'
import { startPurgeCatcher } from '../tests/servers/purgeCatcher.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BUILD_TIMEOUT_MS = 15 * 60_000
const READY_TIMEOUT_MS = 120_000
const PLAYWRIGHT_TIMEOUT_MS = 30 * 60_000

const log = (message) => console.log(`e2e: ${message}`)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-e2e-'))
const cleanups = []

/** Runs a command to completion, killing its process group after `timeoutMs`; resolves its code. */
function run(command, args, { env = process.env, timeoutMs, name = command } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit', detached: true })
    const timer = setTimeout(() => {
      console.error(`e2e: ${name} took longer than ${timeoutMs / 1000} s; stopping it`)
      killGroup(child, 'SIGKILL')
    }, timeoutMs)
    const stop = () => killGroup(child, 'SIGKILL')
    cleanups.push(stop)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      cleanups.splice(cleanups.indexOf(stop), 1)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

function killGroup(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    child.kill(signal)
  }
}

async function database() {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (adminUrl) {
    const { url, name } = await createThrowawayDatabase(adminUrl, 'byline_e2e')
    cleanups.push(() => dropDatabase(adminUrl, name))
    return url
  }
  const server = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), persistent: false })
  cleanups.push(server.stop)
  return server.url
}

async function build() {
  const distDir = process.env.NEXT_DIST_DIR || '.next'
  if (process.env.E2E_SKIP_BUILD === '1' && fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    log(`E2E_SKIP_BUILD=1: reusing the existing ${distDir} build`)
    return
  }
  log('building (next build)')
  const env = { ...process.env, NODE_ENV: 'production' }
  const code = await run('npx', ['next', 'build'], {
    env,
    timeoutMs: BUILD_TIMEOUT_MS,
    name: 'next build',
  })
  if (code !== 0) throw new Error(`next build failed (exit ${code})`)
}

/** Starts `node server/launcher.mjs start`, logging to a file that is printed if anything fails. */
function startServer(env) {
  const logFile = process.env.E2E_SERVER_LOG || path.join(tmp, 'server.log')
  const out = fs.openSync(logFile, 'a')
  const child = spawn(process.execPath, ['server/launcher.mjs', 'start'], {
    cwd: root,
    env,
    stdio: ['ignore', out, out],
    detached: true,
  })
  fs.closeSync(out)
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)))
  const stop = async () => {
    killGroup(child, 'SIGTERM')
    const gone = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])
    if (!gone) killGroup(child, 'SIGKILL')
  }
  cleanups.push(stop)
  const readLog = () => fs.readFileSync(logFile, 'utf8')
  return { child, exited, readLog }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref())

async function waitUntilReady(url, server) {
  let died = null
  server.exited.then((code) => (died = code))
  const until = Date.now() + READY_TIMEOUT_MS
  let last = 'no answer yet'
  while (Date.now() < until) {
    if (died !== null) throw new Error(`the server exited (${died}) before answering`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'manual' })
      if (response.status === 200) return
      last = `HTTP ${response.status}`
    } catch (error) {
      last = error?.cause?.code ?? error?.message ?? String(error)
    }
    await sleep(500)
  }
  throw new Error(`GET ${url} did not answer 200 within ${READY_TIMEOUT_MS / 1000} s (last: ${last})`)
}

/** The SMTP catcher and the OpenID Connect provider, and the settings that point at them. */
async function readerSignInServices(baseUrl) {
  const mail = await startMailCatcher()
  cleanups.push(mail.stop)
  const oidc = await startOidcProvider({ port: await freePort(), redirectUri: `${baseUrl}/auth/callback/oidc` })
  cleanups.push(oidc.stop)
  const purge = await startPurgeCatcher()
  cleanups.push(purge.stop)
  const purgeToken = randomBytes(16).toString('hex')
  return {
    server: {
      BYLINE_SURROGATE_KEYS: '1',
      BYLINE_PURGE_URL: purge.purgeUrl,
      BYLINE_PURGE_TOKEN: purgeToken,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mail.smtpPort),
      SMTP_IGNORE_TLS: 'true',
      SMTP_USER: '',
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID: oidc.clientId,
      OIDC_CLIENT_SECRET: oidc.clientSecret,
      OIDC_NAME: 'Local OIDC',
      BYLINE_TEST_CLOCK: '1',
      NEXTAUTH_URL: `${baseUrl}/auth`,
    },
    playwright: {
      E2E_MAIL_URL: mail.url,
      E2E_OIDC_ISSUER: oidc.issuer,
      E2E_PURGE_RECEIVED: purge.receivedUrl,
      E2E_PURGE_TOKEN: purgeToken,
    },
  }
}

const tail = (text, lines = 80) => text.split('\n').slice(-lines).join('\n')

async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch((error) => console.error(`e2e: cleanup failed: ${error?.message ?? error}`))
  }
  fs.rmSync(tmp, { recursive: true, force: true })
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    console.error(`e2e: ${signal}, cleaning up`)
    await cleanUp()
    process.exit(130)
  })
}

let exitCode = 1
let server = null
try {
  const started = Date.now()
  // The build needs no database, so PostgreSQL starts while Next compiles.
  const [db, built] = await Promise.allSettled([database(), build()])
  for (const result of [db, built]) if (result.status === 'rejected') throw result.reason
  const databaseUrl = db.value
  const port = await freePort()
  const baseUrl = `http://localhost:${port}`
  const mediaDir = path.join(tmp, 'media')
  fs.mkdirSync(mediaDir)
  const services = await readerSignInServices(baseUrl)
  log(`starting the production server on ${baseUrl}`)
  server = startServer({
    ...process.env,
    ...services.server,
    DATABASE_URL: databaseUrl,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    PORT: String(port),
    HOST: '127.0.0.1',
    SERVER_URL: baseUrl,
    MEDIA_DIR: mediaDir,
    // Tests give each reader its own address through X-Forwarded-For (tests/e2e/helpers/comments.ts).
    TRUSTED_PROXIES: '127.0.0.1,::1',
  })
  await waitUntilReady(`${baseUrl}/`, server)
  log(`server ready after ${Math.round((Date.now() - started) / 1000)} s; running Playwright`)
  exitCode = await run('npx', ['playwright', 'test', ...process.argv.slice(2)], {
    // MEDIA_DIR: what a spec imports (tests/e2e/wordpress-import) lands where the server serves from.
    env: {
      ...process.env,
      ...services.playwright,
      E2E_BASE_URL: baseUrl,
      DATABASE_URL: databaseUrl,
      MEDIA_DIR: mediaDir,
    },
    timeoutMs: PLAYWRIGHT_TIMEOUT_MS,
    name: 'playwright',
  })
  if (exitCode !== 0) console.error(`e2e: server log (last lines):\n${tail(server.readLog())}`)
} catch (error) {
  console.error(`e2e: ${error?.message ?? error}`)
  if (server) console.error(`e2e: server log (last lines):\n${tail(server.readLog())}`)
  exitCode = 1
} finally {
  await cleanUp()
}
process.exit(exitCode)
