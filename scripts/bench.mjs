#!/usr/bin/env node
// `npm run bench [-- --smoke]`: builds the site (NEXT_DIST_DIR=.next-bench), serves the
// production build on the bulk dataset (its own embedded PostgreSQL under .data/bench, or
// BENCH_DATABASE_URL; bulk-seeded when it never was), warms it, then measures with autocannon in
// one run: a static file from plain Node http (the baseline), the article page cached and
// uncached, the home page, comment posts through the real form, and approval-to-visible time.
// Prints a table and writes bench/results.json. --smoke: a tiny dataset and ~2 s per measurement.
// --instances 2: the same through nginx in front of two instances on Redis with one job worker
// (bench/instances.mjs), with approval via one instance timed to visible via the other, and a
// mixed run of readers and approvals with the per-tag page-copy purge and with purge-everything.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { approvalLatencies, login } from './bench/approve.mjs'
import { postmasterPid, withCpu } from './bench/cpu.mjs'
import * as data from './bench/dataset.mjs'
import { formFields, measure, postComments } from './bench/load.mjs'
import { anonymousApiUntil429, restartToFirst200 } from './bench/limits.mjs'
import { benchOptions } from './bench/options.mjs'
import { cleanUp, run, start, waitForOk } from './bench/processes.mjs'
import { machine, table, TARGETS, writeResults } from './bench/report.mjs'
import { benchSearch, searchTable } from './bench/search.mjs'
import { startCluster } from './bench/instances.mjs'
import { mixedRun, warmPaths } from './bench/mixed.mjs'
import { freePort } from '../server/database.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const log = (message) => console.error(`bench: ${message}`)
const secret = () => randomBytes(24).toString('hex')

let options
try {
  options = benchOptions()
} catch (error) {
  console.error(error.message)
  process.exit(2)
}
const dataDir = options.smoke
  ? fs.mkdtempSync(path.join(os.tmpdir(), 'byline-bench-'))
  : path.join(root, '.data', 'bench')
fs.mkdirSync(dataDir, { recursive: true })
const logFile = (name) => path.join(dataDir, `${name}.log`)
const mediaDir = path.join(dataDir, 'media')
const runId = Date.now().toString(36)
const moderator = { email: 'bench-moderator@byline.local', password: secret() }
const env = (extra) => ({
  ...process.env,
  NODE_OPTIONS: '--no-deprecation',
  MEDIA_DIR: mediaDir,
  NEXT_DIST_DIR: options.distDir,
  ...extra,
})

async function build() {
  const built = fs.existsSync(path.join(root, options.distDir, 'BUILD_ID'))
  if (!options.build) {
    if (!built) throw new Error(`no build in ${options.distDir}; run without --no-build`)
    return log(`reusing the build in ${options.distDir}`)
  }
  log(`building into ${options.distDir} (log: ${logFile('build')})`)
  const code = await run(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    cwd: root,
    env: env({ NODE_ENV: 'production' }),
    timeoutMs: 10 * 60_000,
    logFile: logFile('build'),
  })
  if (code !== 0) throw new Error(`next build failed (exit ${code}); see ${logFile('build')}`)
}

/** The benchmark's moderator account, with a fresh password (scripts/bench/moderator.ts). */
async function setModeratorPassword(url) {
  const code = await run(process.execPath, ['server/launcher.mjs', 'payload', 'run', 'scripts/bench/moderator.ts'], {
    cwd: root,
    env: env({
      DATABASE_URL: url,
      BENCH_MODERATOR_EMAIL: moderator.email,
      BENCH_MODERATOR_PASSWORD: moderator.password,
    }),
    timeoutMs: 3 * 60_000,
    logFile: logFile('seed'),
  })
  if (code !== 0) {
    throw new Error(`could not set up the benchmark moderator; see ${logFile('seed')}`)
  }
}

async function prepareData() {
  const { url, postgresDir } = await data.openDatabase(options, dataDir)
  const runs = await data.bulkRuns(url)
  let seedSeconds = null
  if (!runs) {
    log(`seeding ${options.articles} articles and ${options.comments} comments (log: ${logFile('seed')})`)
    const started = Date.now()
    const args = [
      'server/launcher.mjs',
      'seed:bulk',
      '--articles',
      String(options.articles),
      '--comments',
      String(options.comments),
    ]
    const code = await run(process.execPath, args, {
      cwd: root,
      env: env({ DATABASE_URL: url, SEED_PASSWORD: secret() }),
      timeoutMs: 20 * 60_000,
      logFile: logFile('seed'),
      showStderr: true,
    })
    if (code !== 0 || !(await data.bulkRuns(url))) {
      throw new Error(`seed:bulk failed (exit ${code}); see ${logFile('seed')}`)
    }
    seedSeconds = Math.round((Date.now() - started) / 1000)
  } else log(`reusing the bulk dataset (${runs.length} seed run(s)); sizes below are what it holds`)
  await setModeratorPassword(url)
  await data.clearBenchLeftovers(url)
  return { url, postgresDir, seedSeconds }
}

/**
 * Starts the production server on a free port. It is ready when the uncached page answers 200
 * to this run's bypass secret: only this server can, so another process that took the port
 * while ours was still migrating (they are picked free, then bound seconds later) is not
 * mistaken for it.
 */
async function startServers(url, bypass, probePath) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    log(`starting the production server at ${base} (log: ${logFile('server')})`)
    const server = start(process.execPath, ['server/launcher.mjs', 'start'], {
      cwd: root,
      logFile: logFile('server'),
      env: env({
        NODE_ENV: 'production',
        DATABASE_URL: url,
        PAYLOAD_SECRET: secret(),
        PORT: String(port),
        HOST: '127.0.0.1',
        SERVER_URL: base,
        TRUSTED_PROXIES: '127.0.0.1',
        BENCH_BYPASS_SECRET: bypass,
      }),
    })
    try {
      await waitForOk(`${base}${probePath}`, server, 180_000, { 'x-bench-bypass': bypass })
      return { base, pid: server.child.pid, exited: server.exited }
    } catch (error) {
      // Most likely the port was taken meanwhile (the log says "cannot listen"): try another.
      if (attempt === 3 || !String(error.message).includes('exited')) throw error
      log(`${error.message}; trying another port`)
    }
  }
}

async function startStaticServer(file) {
  const server = start(process.execPath, ['scripts/bench/static-server.mjs', file], {
    cwd: root,
    logFile: logFile('static'),
    stdout: 'pipe',
  })
  const port = await new Promise((resolve, reject) => {
    server.child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())))
    server.exited.then((code) => reject(new Error(`the static server exited (${code})`)))
  })
  return { url: `http://127.0.0.1:${port}/article.html`, pid: server.child.pid }
}

/**
 * An unrecorded run as long as the measurement first (JIT, connection pools, caches: a cold
 * Node server is about half as fast for its first few seconds), then the measurement, with the
 * CPU time the serving processes (`pids`: server, database) spent per request.
 */
async function warmAndMeasure(name, url, pids, headers = {}) {
  const load = { connections: options.connections, headers }
  for (let i = 0; i < 5; i++) await (await fetch(url, { headers })).arrayBuffer()
  await measure(url, { ...load, duration: options.duration })
  log(`measuring ${name} for ${options.duration} s`)
  return withCpu(pids, () => measure(url, { ...load, duration: options.duration }))
}

// The anonymous API budget the server runs with (lib/security/rateLimits.ts).
const API_LIMIT = Number(process.env.BYLINE_API_RATE_PER_MINUTE || 600)

/**
 * Readers on up to 200 articles through nginx while a moderator approves a comment every 500 ms
 * through A: once with the per-tag purge of the page copy, then with A and B restarted on
 * BYLINE_PAGE_COPY_PURGE=all (the old purge-everything), in the same run.
 */
async function mixedRuns(cluster, { url, article, articlePath, token, dbPid }) {
  const others = await data.sql(
    url,
    `select slug from articles where _status = 'published' and published_at <= now() and slug <> $1 order by id desc limit 199`,
    [article.slug],
  )
  const paths = [articlePath, ...others.map((r) => `/articles/${r.slug}`)]
  const perRun = Math.ceil((options.duration * 1000) / 500) + 4
  const ids = await data.pendingPosted(url, `${runId}j`, article.id, 2 * perRun)
  const out = {}
  for (const [n, mode] of ['tag', 'all'].entries()) {
    if (mode !== 'tag') await cluster.restart(mode)
    log(`mixed run (${mode}): warming ${paths.length} articles on both instances`)
    await warmPaths(
      cluster.instances.map((i) => i.base),
      paths,
    )
    log(
      `mixed run (${mode}): readers on ${paths.length} articles, an approval via A every 500 ms, for ${options.duration} s`,
    )
    out[mode] = await withCpu([cluster.cpuPids(), dbPid], () =>
      mixedRun({
        base: cluster.base,
        paths,
        approveBase: cluster.instances[0].base,
        token,
        ids: ids.slice(n * perRun, (n + 1) * perRun),
        duration: options.duration,
        connections: options.connections,
      }),
    )
  }
  return out
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]

async function main() {
  log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)} (other work skews the numbers)`)
  const [built, prepared] = await Promise.allSettled([build(), prepareData()])
  for (const r of [built, prepared]) if (r.status === 'rejected') throw r.reason
  const { url, postgresDir, seedSeconds } = prepared.value
  const size = await data.datasetSize(url)
  const article = await data.pickArticle(url, options.article)
  const bypass = secret()
  const probe = `/articles/${article.slug}/uncached`
  // --instances 2: everything below goes through nginx in front of two instances (bench/instances.mjs).
  const cluster =
    options.instances === 2 ? await startCluster({ root, dataDir, env, databaseUrl: url, bypass, probe, log }) : null
  const first = cluster ? null : await startServers(url, bypass, probe)
  const base = cluster ? cluster.base : first.base
  const dbPid = postgresDir ? postmasterPid(postgresDir) : null
  const pids = [cluster ? cluster.cpuPids() : first.pid, dbPid]
  const articlePath = `/articles/${article.slug}`
  // Logged in before any load, so that a login problem stops the run at once.
  const token = await login(base, moderator.email, moderator.password)

  for (let i = 0; i < 3; i++) await (await fetch(`${base}${articlePath}`)).text()
  const cachedResponse = await fetch(`${base}${articlePath}`)
  const html = await cachedResponse.text()
  const cacheState = cachedResponse.headers.get('x-nextjs-cache')
  // BYLINE_SURROGATE_KEYS is off by default: the served page must not carry CDN keys then.
  const cdnKeys = process.env.BYLINE_SURROGATE_KEYS
    ? null
    : (cachedResponse.headers.get('surrogate-key') ?? cachedResponse.headers.get('cache-tag'))
  const uncachedStatus = (await fetch(`${base}${articlePath}/uncached`, { headers: { 'x-bench-bypass': bypass } }))
    .status
  const htmlFile = path.join(dataDir, 'article.html')
  fs.writeFileSync(htmlFile, html)
  const staticServer = await startStaticServer(htmlFile)

  const results = {}
  results.static = await warmAndMeasure('the static file', staticServer.url, [staticServer.pid, null])
  results.articleCached = await warmAndMeasure('the article page, cached', `${base}${articlePath}`, pids)
  results.articleUncached = await warmAndMeasure('the article page, uncached', `${base}${articlePath}/uncached`, pids, {
    'x-bench-bypass': bypass,
  })
  results.home = await warmAndMeasure('the home page', `${base}/`, pids)
  log('measuring search: each query alone, then mixed under load')
  results.search = await benchSearch(base, {
    connections: options.connections,
    duration: options.duration,
    count: options.smoke ? 5 : 40,
    withCpu: (fn) => withCpu(pids, fn),
  })

  log('anonymous API requests from one address until the limit answers 429')
  results.anonymousApi = await withCpu(pids, () =>
    anonymousApiUntil429(base, { address: '203.0.113.77', connections: options.connections }),
  )

  // Twice: as a browser with JavaScript posts the form (most readers), then as one without. Each
  // round has its own senders (addresses and emails), so neither meets the other's limits.
  const hidden = formFields(await (await fetch(`${base}${articlePath}`)).text())
  const rounds = [
    ['comments', 'with JavaScript', true, `${runId}j`, 1],
    ['commentsNoJs', 'without JavaScript', false, `${runId}n`, options.posts + 1],
  ]
  for (const [key, how, script, round, first] of rounds) {
    log(`posting ${options.posts} comments ${how}, ${options.postConcurrency} at a time`)
    const posted = await withCpu(pids, () =>
      postComments(`${base}${articlePath}`, hidden, {
        runId: round,
        amount: options.posts,
        connections: options.postConcurrency,
        script,
        first,
      }),
    )
    const stored = await data.countPosted(url, round)
    results[key] = {
      ...posted,
      connections: options.postConcurrency,
      stored,
      storedOnce: stored.rows === options.posts && stored.senders === options.posts,
    }
  }

  log(`approving ${options.approvals} comments and polling the page`)

  const ids = await data.pendingPosted(url, `${runId}j`, article.id, options.approvals)
  // Two instances: approved through A, polled through B.
  const [approveVia, pollVia] = cluster ? cluster.instances.map((i) => i.base) : [base, base]
  const latencies = await approvalLatencies(approveVia, articlePath, token, ids, pollVia)
  const seen = latencies.filter((l) => l !== null)
  results.approval = {
    across: Boolean(cluster),
    latencies,
    medianMs: seen.length ? median(seen) : null,
    maxMs: seen.length ? Math.max(...seen) : null,
  }

  if (cluster) {
    results.mixed = await mixedRuns(cluster, { url, article, articlePath, token, dbPid })
    // The scale suite (tests/scale) kills an instance under load; one restart is timed alone.
    results.restart = null
  } else {
    // Last, as it ends this server: a crash (SIGKILL), then the launcher again, to the first 200.
    log('killing the server with SIGKILL and timing the restart to its first 200')
    results.restart = (
      await restartToFirst200(
        async () => {
          process.kill(-first.pid, 'SIGKILL')
          await first.exited
        },
        () => startServers(url, bypass, articlePath),
      )
    ).ms
  }

  const problems = [
    cacheState !== 'HIT' && `the article page was not served from the cache (x-nextjs-cache: ${cacheState})`,
    uncachedStatus !== 200 && `the uncached article page answered ${uncachedStatus}`,
    cdnKeys !== null && `the article page carried CDN keys (${cdnKeys}) with BYLINE_SURROGATE_KEYS unset`,
    ...['comments', 'commentsNoJs'].map(
      (k) =>
        !results[k].storedOnce &&
        `${k}: ${results[k].stored.rows} rows, ${results[k].stored.senders} senders for ${options.posts} posts`,
    ),
    ...['comments', 'commentsNoJs'].map(
      (k) =>
        results[k].thanked !== options.posts &&
        `${k}: ${results[k].thanked} of ${options.posts} answers thanked the reader`,
    ),
    ...['static', 'articleCached', 'articleUncached', 'home', 'comments', 'commentsNoJs'].map((k) => {
      const r = results[k]
      if (r.requests === 0) return `${k}: no request completed within ${options.duration} s`
      return (r.non2xx || r.errors) && `${k}: ${r.non2xx} non-2xx, ${r.errors} errors`
    }),
    latencies.length < options.approvals &&
      `only ${latencies.length} of ${options.approvals} pending comments were found to approve`,
    seen.length < latencies.length && 'an approved comment never appeared on the page within 10 s',
    (results.search.mixed.non2xx || results.search.mixed.errors || !results.search.mixed.requests) &&
      `search: ${results.search.mixed.requests} requests, ${results.search.mixed.non2xx} non-2xx, ${results.search.mixed.errors} errors`,
    !results.search.perQuery.some((q) => q.results > 0) && 'search: no query found any article',
    results.anonymousApi.limited === 0 && `anonymous API: no 429 after ${results.anonymousApi.allowed} requests`,
    results.anonymousApi.allowed < API_LIMIT &&
      `anonymous API: refused after ${results.anonymousApi.allowed} requests, below the limit of ${API_LIMIT}`,
    results.anonymousApi.other > 0 && `anonymous API: ${results.anonymousApi.other} answers neither 200 nor 429`,
    ...Object.entries(results.mixed ?? {}).map(
      ([mode, r]) =>
        (!r.requests || r.non2xx || r.errors || r.approvals < 2) &&
        `mixed run (${mode}): ${r.requests} requests, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.approvals} approvals`,
    ),
  ].filter(Boolean)

  console.log(`\n${table(results)}\n\n${searchTable(results.search)}\n`)
  const file = writeResults(root, {
    date: new Date().toISOString(),
    mode: options.smoke ? 'smoke' : 'full',
    instances: options.instances,
    machine: machine(),
    dataset: {
      ...size,
      seedSeconds,
      article: {
        slug: article.slug,
        approvedComments: article.approved,
        htmlBytes: Buffer.byteLength(html),
      },
    },
    settings: {
      connections: options.connections,
      durationSeconds: options.duration,
      posts: options.posts,
      postConcurrency: options.postConcurrency,
      tool: 'autocannon 8',
      uncached: `GET ${articlePath}/uncached with X-Bench-Bypass`,
    },
    targets: TARGETS,
    results,
    problems,
  })
  console.log(
    `bench: dataset ${size.articles} articles, ${size.comments} comments; article "${article.slug}" with ${article.approved} approved comments, ${Buffer.byteLength(html)} bytes of HTML`,
  )
  console.log(`bench: results in ${path.relative(root, file)}`)
  for (const p of problems) console.error(`bench: PROBLEM: ${p}`)
  return problems.length ? 1 : 0
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    log(`${signal}, cleaning up`)
    await cleanUp()
    process.exit(130)
  })
}

let exitCode = 1
try {
  exitCode = await main()
} catch (error) {
  console.error(`bench: ${error?.message ?? error}`)
} finally {
  await cleanUp()
  if (options.smoke) fs.rmSync(dataDir, { recursive: true, force: true })
}
process.exit(exitCode)
