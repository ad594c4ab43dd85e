#!/usr/bin/env node
// Byline's launcher: `node server/launcher.mjs <dev|start|migrate|seed|seed:bulk ...|db|payload ...>`.
// It finds the database (DATABASE_URL, or an embedded PostgreSQL under .data/), applies the
// committed migrations, seeds demo content on a first dev run, then serves the site.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import pg from 'pg'

import {
  CLIENT_IP_HEADER,
  CLIENT_IP_SIGNATURE_HEADER,
  clientIp,
  newClientIpKey,
  parseTrusted,
  signClientIp,
} from './clientAddress.mjs'
import { limitChunkedActionBody } from './actionBody.mjs'
import { checkConnection, fail, redactUrl, startEmbeddedPostgres } from './database.mjs'
import { exportConditions } from './exportConditions.mjs'
import { checkRedis } from './redisCheck.mjs'
import { checkBucket } from './s3Check.mjs'
import { describeS3 } from '../lib/storage/s3Settings.mjs'
import { replaceNotFoundBody } from './notFoundBody.mjs'
import { createPageCache, PURGE_HOOK } from './pageCache.mjs'
import { launcherHeaders } from '../lib/security/headers.mjs'
import {
  databaseUrlSetting,
  dataDir,
  environmentProblems,
  host,
  nextDistDir,
  pageCacheBytes,
  port as listenPort,
  purgeMode,
  readReplicaUrls,
  redisUrl,
  s3Settings,
  serverUrlSetting,
  setClientIpKey,
  surrogateKeysEnabled,
  trustedProxiesSetting,
} from '../lib/env.mjs'
import { hashInlineScripts } from './inlineScriptHashes.mjs'
import { isAnonymousRead, withReplicaReads } from '../lib/database/readRouting.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
if (fs.existsSync('.env')) process.loadEnvFile('.env')

const [command = 'dev', ...rest] = process.argv.slice(2)
const production = command === 'start'
if (production) process.env.NODE_ENV = 'production'
else if (command === 'dev') process.env.NODE_ENV = 'development'

// Every setting is checked before anything starts (lib/env.mjs): one line per problem, exit 1.
const TRUSTED = parseTrusted(trustedProxiesSetting())
const problems = [...environmentProblems(command), ...(command === 'dev' || command === 'start' ? TRUSTED.errors : [])]
if (problems.length) {
  for (const problem of problems) console.error(`byline: ${problem}`)
  process.exit(1)
}
const PAGE_CACHE_BYTES = production ? pageCacheBytes() : 0
const PAGE_COPY_PURGE = purgeMode()
// A CDN in front (README "Behind a CDN"): the pages' tags in Surrogate-Key / Cache-Tag, and the
// webhook told of every expiry (server/cache/purgeWebhook.mjs, in the cache handler).
const SURROGATE_KEYS = surrogateKeysEnabled()
// DATABASE_READ_URLS: a replica that is down is not an error (reads go to the primary,
// lib/database/readReplicas.ts), a malformed URL is (checked above).
const READ_REPLICAS = readReplicaUrls()

// Several instances: the shared cache (REDIS_URL) must be reachable.
if ((production || command === 'worker') && redisUrl()) {
  const reason = await checkRedis(redisUrl())
  if (reason) fail(`cannot connect to REDIS_URL (${redactUrl(redisUrl())}): ${reason}`)
}
// @payloadcms/storage-s3 (and the plugin-cloud-storage under it) exist as 3.90.1 only, beside
// payload 3.90.2: Payload's development-time check of equal versions would end every dev process
// and test run over that pair. Remove this line once the storage packages match payload again.
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER ??= 'true'
// The AWS SDK warns on every start that its releases after January 2027 will need Node 22; the
// version pinned in package-lock.json runs on Node 20, which this project targets.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
// Media on S3-compatible storage: the bucket must answer before a server or the copy starts.
const S3 = s3Settings()
if (command === 'media:to-s3' && !S3)
  fail(
    'npm run media:to-s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (and S3_ENDPOINT, S3_FORCE_PATH_STYLE=true for a server other than AWS): see README "Media on S3-compatible storage".',
  )
// Every command that may upload (a seed's or an import's images) or serve files.
if (S3 && ['dev', 'start', 'worker', 'seed', 'seed:bulk', 'import:wordpress', 'media:to-s3'].includes(command)) {
  const reason = await checkBucket(S3)
  if (reason) fail(`cannot use S3_BUCKET (${describeS3(S3)}): ${reason}`)
}

// Signs the client address this launcher hands to the app (lib/requestAddress.ts): a header
// without it, as a client could send to a plain `next start`, is not believed.
const CLIENT_IP_KEY = newClientIpKey()
setClientIpKey(CLIENT_IP_KEY)

let stopDatabase = async () => {}

async function database() {
  const given = databaseUrlSetting()
  if (given) {
    const reason = await checkConnection(given)
    if (reason) fail(`cannot connect to DATABASE_URL (${redactUrl(given)}): ${reason}`)
    return given
  }
  try {
    const folder = path.join(dataDir() || path.join(root, '.data'), 'postgres')
    const embedded = await startEmbeddedPostgres({ dataDir: folder })
    stopDatabase = embedded.stop
    const shown = embedded.dataDir.startsWith(root) ? path.relative(root, embedded.dataDir) : embedded.dataDir
    console.log(`byline: embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${shown})`)
    process.env.DATABASE_URL = embedded.url
    return embedded.url
  } catch (error) {
    fail(`DATABASE_URL is not set and the embedded database failed: ${error?.message ?? error}`)
  }
}

// Preloaded into each payload CLI process; it exits with code 75 when a command stalls.
const drainGuard = path.join(root, 'server/drainGuard.mjs')

/** Runs Payload's CLI (migrate, run <script>, generate:*) with the project's TypeScript. */
function payloadCli(args, env = { BYLINE_DISABLE_JOBS: '1' }) {
  const merged = { ...process.env, ...env }
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--no-deprecation',
        exportConditions(merged.NODE_ENV),
        '--import',
        pathToFileURL(drainGuard).href,
        'node_modules/payload/bin.js',
        ...args,
      ],
      { stdio: 'inherit', env: merged },
    )
    // A stop (docker stop, systemd, Ctrl-C, a test's kill) reaches the script too, and the launcher
    // waits for it: killed alone, the launcher left a worker running on as an orphan.
    const forward = (signal) => child.kill(signal)
    for (const signal of FORWARDED) process.on(signal, forward)
    child.on('exit', (code, signal) => {
      for (const s of FORWARDED) process.off(s, forward)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP']

/** Committed migrations (migrations/*.ts) that the database has not recorded as applied. */
async function pendingMigrations(url) {
  const files = fs
    .readdirSync(path.join(root, 'migrations'))
    .filter((f) => /\.(ts|js)$/.test(f) && !/^index\./.test(f))
    .map((f) => f.replace(/\.(ts|js)$/, ''))
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(`select name from payload_migrations`).catch(() => ({ rows: [] }))
    const applied = new Set(rows.map((r) => r.name))
    return files.filter((f) => !applied.has(f))
  } finally {
    await client.end()
  }
}

/** Applies the committed migrations, and checks in the database that every one of them ran. */
async function migrate(url) {
  // The payload CLI takes seconds to load the whole config; a start with nothing to apply skips it.
  if ((await pendingMigrations(url)).length === 0) {
    console.log('byline: no pending migrations')
    return
  }
  for (let attempt = 1; attempt <= 2; attempt++) {
    const code = await payloadCli(['migrate'])
    const pending = await pendingMigrations(url)
    if (code === 0 && pending.length === 0) return
    if (attempt === 2) {
      await stopDatabase()
      fail(`migrations failed (exit ${code}; not applied: ${pending.join(', ') || 'none'}); the site was not started.`)
    }
    console.warn(
      `byline: \`payload migrate\` left ${pending.length} migration(s) unapplied (exit ${code}); trying once more`,
    )
  }
}

async function isEmpty(url) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query('select count(*)::int as n from users')
    return rows[0].n === 0
  } finally {
    await client.end()
  }
}

async function seed() {
  const code = await payloadCli(['run', 'scripts/seed/run.ts'])
  if (code !== 0) {
    await stopDatabase()
    fail('seeding failed (see above).')
  }
}

/**
 * Pages and data cached by an earlier run may predate changes made while no server ran (a seed,
 * a restore, another instance's edits): start each production server with an empty page cache.
 */
function clearPageCache() {
  const distDir = path.join(root, nextDistDir())
  for (const dir of ['server/route-cache', 'cache/fetch-cache'])
    fs.rmSync(path.join(distDir, dir), { recursive: true, force: true })
}

/** `/a//b///c?x=//y` → `/a/b/c?x=//y`: the path's runs of slashes, not the query's. */
function collapseSlashes(url = '/') {
  const q = url.indexOf('?')
  const path = q === -1 ? url : url.slice(0, q)
  return path.includes('//') ? path.replace(/\/{2,}/g, '/') + (q === -1 ? '' : url.slice(q)) : url
}

async function serve(dev) {
  if (!dev) clearPageCache()
  const { default: next } = await import('next')
  const port = listenPort()
  const hostname = host(dev)
  const app = next({ dev, dir: root, hostname, port })
  await app.prepare()
  const handle = app.getRequestHandler()
  // Development renders every page, so it has no tags to send a CDN.
  const pageCache = createPageCache({
    maxBytes: PAGE_CACHE_BYTES,
    purge: PAGE_COPY_PURGE,
    surrogateKeys: !dev && SURROGATE_KEYS,
  })
  // server/cache/nextCacheHandler.mjs drops the expired tags' pages from the copy through this hook.
  globalThis[PURGE_HOOK] = pageCache
  const extraHeaders = Object.entries(launcherHeaders(serverUrlSetting()))
  const server = http.createServer((req, res) => {
    // HSTS when SERVER_URL is https; set before either the page copy or Next answers.
    for (const [name, value] of extraHeaders) res.setHeader(name, value)
    // Next answers a path with doubled slashes with its own 308 before the proxy runs, so an old
    // WordPress link such as /2020//01/post/ took two hops to its new address. Collapsed here, the
    // proxy's stored redirect (or the page) answers it at once.
    req.url = collapseSlashes(req.url)
    if (pageCache.serve(req, res)) return
    // Always overwritten: the app reads the client address from this header only, signed.
    const ip = clientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], TRUSTED.trust)
    req.headers[CLIENT_IP_HEADER] = ip
    req.headers[CLIENT_IP_SIGNATURE_HEADER] = signClientIp(ip, CLIENT_IP_KEY)
    // A chunked server-action body is counted here, 413 past 1 MB (server/actionBody.mjs).
    limitChunkedActionBody(req, res, (req) => forward(req, res))
  })
  const forward = (req, res) => {
    // Reader pages' CSP allows their own inline scripts by hash (server/inlineScriptHashes.mjs);
    // before the 404 body swap, so that the branded body is the one hashed. The page copy keeps it.
    if (!dev) hashInlineScripts(req, res)
    // Next's 404s for reader pages get the branded page's body (server/notFoundBody.mjs).
    replaceNotFoundBody(req, res, port)
    // An anonymous GET may read from a replica (DATABASE_READ_URLS); anything personal, the primary.
    if (READ_REPLICAS.length && isAnonymousRead(req))
      return withReplicaReads(() => pageCache.run(res, () => handle(req, res)))
    return pageCache.run(res, () => handle(req, res))
  }
  // Idle keep-alive connections stay open 65 s, longer than the 60 s idle timeout of the usual
  // balancers (nginx's upstream keepalive, AWS ALB): with Node's 5 s, a proxy or client that
  // reuses a connection just as the server closes it gets ECONNRESET (a CI run saw one).
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  server.on('error', async (error) => {
    await stopDatabase()
    fail(
      `cannot listen on port ${port}: ${error.code === 'EADDRINUSE' ? 'it is already in use (set PORT)' : error.message}`,
    )
  })
  server.listen(port, hostname, () => {
    // Production: the admin keeps a sign-in only at SERVER_URL's address (README "Admin").
    const site = (!dev && serverUrlSetting()) || `http://localhost:${port}`
    console.log(
      `byline: ${dev ? 'development' : 'production'} server on port ${port}; open ${site} (admin: ${site}/admin)`,
    )
  })
  const shutdown = async () => {
    server.close()
    await stopDatabase()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

const url = await database()
switch (command) {
  case 'dev':
    await migrate(url)
    if (await isEmpty(url)) await seed()
    await serve(true)
    break
  case 'start':
    await migrate(url)
    await serve(false)
    break
  case 'migrate':
    await migrate(url)
    await stopDatabase()
    break
  case 'seed':
    await migrate(url)
    await seed()
    await stopDatabase()
    break
  case 'seed:bulk': {
    // Everything after the command goes to the script (minimist keeps it after `--`).
    await migrate(url)
    const code = await payloadCli(['run', 'scripts/seed/bulk.ts', '--', ...rest])
    await stopDatabase()
    process.exit(code)
  }
  case 'worker': {
    // The job queue only (BYLINE_JOBS=off on the web instances); see server/worker.ts.
    await migrate(url)
    const code = await payloadCli(['run', 'server/worker.ts'], { NODE_ENV: 'production', BYLINE_JOBS: 'on' })
    await stopDatabase()
    process.exit(code)
  }
  case 'import:wordpress':
  case 'import:disqus': {
    // The importers (scripts/import/), on the migrated database, with their arguments.
    await migrate(url)
    const code = await payloadCli(['run', `scripts/import/${command.slice('import:'.length)}.ts`, '--', ...rest])
    await stopDatabase()
    process.exit(code)
  }
  case 'media:to-s3': {
    // Copies the uploads in MEDIA_DIR to the bucket (scripts/media-to-s3.ts), with its arguments.
    await migrate(url)
    const code = await payloadCli(['run', 'scripts/media-to-s3.ts', '--', ...rest])
    await stopDatabase()
    process.exit(code)
  }
  case 'db':
    // Just the database, for psql or a second tool: prints its URL and runs until stopped.
    console.log(`DATABASE_URL=${url}`)
    process.once('SIGINT', () => stopDatabase().then(() => process.exit(0)))
    process.once('SIGTERM', () => stopDatabase().then(() => process.exit(0)))
    break
  case 'payload': {
    const code = await payloadCli(rest)
    await stopDatabase()
    process.exit(code)
  }
  default:
    await stopDatabase()
    fail(
      `unknown command "${command}": use dev, start, worker, migrate, seed, seed:bulk, import:wordpress, import:disqus, media:to-s3, db or payload`,
    )
}
