#!/usr/bin/env node
// `npm run bench:import [-- --size 200]`: the WordPress importer on a synthetic export of about
// --size megabytes (scripts/bench/import/export.ts), through the real command on its own
// database (embedded, under .data/bench-import, or BENCH_DATABASE_URL). Reports items/s,
// comments/s and the importer's peak RSS (read from /proc while it runs), and writes
// bench/results-import.json. A failed import fails the run.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { startEmbeddedPostgres } from '../../server/database.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const args = process.argv.slice(2)
const sizeArg = args.find((a) => a.startsWith('--size'))
const size = Number(sizeArg?.includes('=') ? sizeArg.split('=')[1] : sizeArg ? args[args.indexOf(sizeArg) + 1] : 200)
if (!(size > 0)) {
  console.error('bench:import: --size must be a number of megabytes')
  process.exit(2)
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-bench-import-'))
const file = path.join(work, 'export.xml')
console.error(`bench:import: writing a ${size} MB export`)
const gen = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/bench/import/export.ts', file, String(size)], { cwd: root, encoding: 'utf8' })
if (gen.status !== 0) {
  console.error(gen.stderr)
  process.exit(1)
}
const shape = JSON.parse(gen.stdout.trim().split('\n').at(-1))

let stopDb = async () => {}
let url = process.env.BENCH_DATABASE_URL
if (!url) {
  const dataDir = path.join(root, '.data/bench-import/postgres')
  fs.rmSync(dataDir, { recursive: true, force: true })
  const db = await startEmbeddedPostgres({ dataDir, persistent: false })
  url = db.url
  stopDb = db.stop
}

/** The largest resident set of any process in the tree under `pid` (the importer is a grandchild). */
function treeRssMax(pid) {
  let max = 0
  const stack = [pid]
  const children = new Map()
  for (const entry of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const ppid = Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {}
  }
  while (stack.length) {
    const p = stack.pop()
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0)
      max = Math.max(max, kb * 1024)
    } catch {}
    stack.push(...(children.get(p) ?? []))
  }
  return max
}

const started = Date.now()
let peak = 0
const child = spawn(process.execPath, ['server/launcher.mjs', 'import:wordpress', file, '--no-download'], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: url },
  stdio: ['ignore', 'pipe', 'inherit'],
})
let output = ''
child.stdout.on('data', (d) => (output += d))
const sampler = setInterval(() => (peak = Math.max(peak, treeRssMax(child.pid))), 250)
const code = await new Promise((resolve) => child.on('exit', resolve))
clearInterval(sampler)
const seconds = (Date.now() - started) / 1000
await stopDb()
fs.rmSync(work, { recursive: true, force: true })
if (code !== 0) {
  console.error(`bench:import: the import failed (exit ${code})\n${output}`)
  process.exit(1)
}
const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version, loadavg: os.loadavg() },
  exportMB: +(shape.bytes / 1048576).toFixed(1),
  posts: shape.posts,
  comments: shape.comments,
  seconds: +seconds.toFixed(1),
  itemsPerSecond: +(shape.posts / seconds).toFixed(1),
  commentsPerSecond: +(shape.comments / seconds).toFixed(1),
  peakRssMB: Math.round(peak / 1048576),
}
console.log(output.trim())
console.log(`\nexport ${result.exportMB} MB: ${result.posts} posts and pages, ${result.comments} comments in ${result.seconds} s (start-up and migrations included)`)
console.log(`${result.itemsPerSecond} items/s, ${result.commentsPerSecond} comments/s, peak RSS ${result.peakRssMB} MB`)
fs.mkdirSync(path.join(root, 'bench'), { recursive: true })
fs.writeFileSync(path.join(root, 'bench/results-import.json'), JSON.stringify(result, null, 2) + '\n')
