// The table on stdout and bench/results.json.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const TARGETS = {
  articleCached: { rps: 1500, p99: 100, text: '≥ 1,500 req/s, p99 ≤ 100 ms' },
  articleUncached: { rps: 300, p50: 100, text: '≥ 300 req/s, p50 ≤ 100 ms' },
  comments: { p99: 500, text: 'p99 ≤ 500 ms, all stored once' },
  approval: { ms: 1000, text: '≤ 1,000 ms' },
}

export function machine() {
  const cpus = os.cpus()
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  }
}

const pad = (s, n, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n))

export function table(results) {
  const base = results.static.rps
  const rows = [
    ['static file (Node http)', results.static, ''],
    ['article, cached', results.articleCached, TARGETS.articleCached.text],
    ['article, uncached', results.articleUncached, TARGETS.articleUncached.text],
    ['home page', results.home, ''],
    [
      `comment posts, JS (${results.comments.requests}, ${results.comments.connections} at once)`,
      results.comments,
      TARGETS.comments.text,
    ],
    [
      `comment posts, no JS (${results.commentsNoJs.requests}, ${results.commentsNoJs.connections} at once)`,
      results.commentsNoJs,
      '',
    ],
  ]
  const cpu = (r) =>
    r.serverCpuMs === null || r.serverCpuMs === undefined
      ? '-'
      : `${r.serverCpuMs}${r.dbCpuMs === null ? '' : ` + ${r.dbCpuMs}`}`
  const lines = [
    `${pad('measurement', 44)}${pad('req/s', 8, true)}${pad('p50 ms', 9, true)}${pad('p99 ms', 9, true)}${pad('ratio', 8, true)}${pad('CPU ms/req', 14, true)}  target`,
  ]
  for (const [name, r, target] of rows) {
    const ratio = base ? (r.rps / base).toFixed(3) : '-'
    lines.push(
      `${pad(name, 44)}${pad(r.rps, 8, true)}${pad(r.p50, 9, true)}${pad(r.p99, 9, true)}${pad(ratio, 8, true)}${pad(cpu(r), 14, true)}  ${target}`,
    )
  }
  lines.push(
    '(CPU ms/req: the serving process, + PostgreSQL; 2 cores give 2,000 CPU ms per second, shared with the load generator)',
  )
  for (const [how, c] of [
    ['with JS', results.comments],
    ['without JS', results.commentsNoJs],
  ]) {
    lines.push(
      `comments stored (${how}): ${c.stored.rows} rows from ${c.stored.senders} senders for ${c.requests} posts (${c.storedOnce ? 'each once' : 'NOT each once'}); ${c.thanked} thanked; ${c.non2xx} non-2xx, ${c.errors} errors`,
    )
  }
  const api = results.anonymousApi
  lines.push(
    `anonymous API, one address: ${api.allowed} requests answered 200 in ${api.seconds} s (${api.rps} req/s, ${cpu(api)} CPU ms/req, ${api.connections} at once), then 429 with Retry-After ${api.retryAfter} s`,
    results.restart === null
      ? 'restart after SIGKILL: not timed with --instances 2 (npm run test:scale kills an instance under load)'
      : `restart after SIGKILL → first 200 of the article page: ${results.restart} ms (launcher, migration check, Next.js start, first render)`,
  )
  const a = results.approval
  lines.push(
    `approval${a.across ? ' via A' : ''} → visible${a.across ? ' via B' : ''}: ${a.latencies.map((l) => (l === null ? 'never' : `${l} ms`)).join(', ')} (median ${a.medianMs} ms, max ${a.maxMs} ms; target ${TARGETS.approval.text})`,
  )
  for (const [mode, m] of Object.entries(results.mixed ?? {})) {
    lines.push(
      `mixed run, page copy purge "${mode}": ${m.rps} req/s on ${m.articles} articles (p50 ${m.p50} ms, p99 ${m.p99} ms), ${Math.round((m.copyHitRatio ?? 0) * 1000) / 10}% from the page copy, ${m.approvals} approvals, ${cpu(m)} CPU ms/req`,
    )
  }
  return lines.join('\n')
}

/**
 * bench/results.json, or bench/results-smoke.json for a smoke run (so it never hides real numbers);
 * with --instances 2, results-2-instances.json (or results-smoke-2-instances.json).
 */
export function writeResults(root, data) {
  const name = `results${data.mode === 'smoke' ? '-smoke' : ''}${data.instances === 2 ? '-2-instances' : ''}.json`
  const file = path.join(root, 'bench', name)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`)
  return file
}
