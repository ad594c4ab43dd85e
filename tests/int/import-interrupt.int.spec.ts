import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'

import { poolOf } from '@/lib/sql'
import { importDisqus } from '@/scripts/import/disqus/import'
import {
  generateDisqus,
  generateWxr,
  type GenDisqusThread,
  type GenItem,
  WXR_FOOTER,
  wxrHeader,
  wxrItem,
} from '@/scripts/import/lib/generateWxr'
import { importWordPress } from '@/scripts/import/wordpress/import'
import { scanWxr } from '@/scripts/import/wordpress/scan'
import { createThrowawayDatabase } from '../../server/database.mjs'
import { startPayload } from '../helpers/payload'
import { createStaff } from '../helpers/staff'

let payload: Payload
let stop: () => Promise<void>
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-wxr-kill-'))
const sql = <R>(text: string, params: unknown[] = []) =>
  poolOf(payload)
    .query<R>(text, params)
    .then((r) => r.rows)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const POSTS = 120
const COMMENTS_PER_POST = 6

/** Posts with a chain of replies each, the replies listed deepest first. */
function busyExport(): string {
  const items: GenItem[] = Array.from({ length: POSTS }, (_, p) => ({
    id: 1 + p,
    title: `Post ${p + 1}`,
    slug: `post-${p + 1}`,
    content: `Body of post ${p + 1}.\n\nSecond paragraph.`,
    comments: Array.from({ length: COMMENTS_PER_POST }, (_, c) => ({
      id: 10_000 + p * 100 + c,
      parent: c ? 10_000 + p * 100 + c - 1 : 0,
      content: `Comment ${c} on ${p + 1}`,
      email: `r${c}@example.test`,
    })).reverse(),
  }))
  return generateWxr({ authors: [{ id: 1, login: 'alice', email: 'alice@old.example', name: 'Alice' }], items })
}

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  await createStaff(payload)
})
afterAll(async () => {
  await stop?.()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Threads on each busy post (matched by the WordPress id in <id>), replies listed before their parents. */
function busyDisqus(): string {
  const threads: GenDisqusThread[] = Array.from({ length: POSTS }, (_, p) => ({
    id: `t${p + 1}`,
    identifier: `${p + 1} https://old.example/?p=${p + 1}`,
    link: `https://old.example/?p=${p + 1}`,
    posts: Array.from({ length: COMMENTS_PER_POST }, (_, c) => ({
      id: `d${p + 1}-${c}`,
      parent: c ? `d${p + 1}-${c - 1}` : undefined,
      message: `<p>Disqus ${c} on ${p + 1}</p>`,
      spam: c === 4,
      deleted: c === 5,
    })).reverse(),
  }))
  return generateDisqus(threads)
}

type Sql = <R>(text: string, params?: unknown[]) => Promise<R[]>

/** The imported rows by their WordPress and Disqus ids (row ids differ from one database to another). */
async function snapshot(query: Sql = sql) {
  return {
    articles: await query(
      `select import_id, slug, _status from articles where import_id is not null order by import_id`,
    ),
    comments: await query(
      `select c.import_id, p.import_id parent, a.import_id article, c.status from comments c left join comments p on p.id = c.parent_id join articles a on a.id = c.article_id order by c.import_id`,
    ),
    redirects: await query(`select "from", to_type from redirects order by "from"`),
  }
}

/** An importer command through the launcher, as a user types it, on `databaseUrl`. */
function launch(command: string, file: string, databaseUrl?: string) {
  const extra = command === 'import:wordpress' ? ['--no-download'] : []
  return spawn(process.execPath, ['server/launcher.mjs', command, file, ...extra], {
    cwd: root,
    env: {
      ...process.env,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'integration-test-secret',
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** The commands run once each, in order, on a fresh database: what "one clean run" gives. */
async function cleanRun(commands: [string, string][]) {
  const { url } = await createThrowawayDatabase(inject('adminDatabaseUrl'), inject('databasePrefix'))
  for (const [command, file] of commands) {
    const child = launch(command, file, url)
    let output = ''
    child.stdout!.on('data', (d) => (output += d))
    child.stderr!.on('data', (d) => (output += d))
    const code = await new Promise((resolve) => child.on('exit', resolve))
    expect(code, output).toBe(0)
  }
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  try {
    return await snapshot(async (text, params = []) => (await pool.query(text, params)).rows)
  } finally {
    await pool.end()
  }
}

/**
 * The real command on this test's database, killed with SIGKILL (its whole process group) once it
 * is writing and `written()` rows of its own exist.
 */
async function killMidImport(command: string, file: string, written: () => Promise<number>) {
  const child = launch(command, file)
  let stderr = ''
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  )
  // Killed once it is writing: after its first "importing" progress line and a few rows.
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d) => (stderr += d))
    child.stdout!.resume()
    const timer = setInterval(async () => {
      if (!stderr.includes('importing')) return
      if ((await written()) >= 5) {
        clearInterval(timer)
        process.kill(-child.pid!, 'SIGKILL')
        resolve()
      }
    }, 50)
    child.on(
      'exit',
      () => (clearInterval(timer), reject(new Error(`the import ended before it could be killed:\n${stderr}`))),
    )
  })
  expect(await exited).toBe('SIGKILL')
}

/** The Imports records of one importer, oldest first: the killed run is marked interrupted by the next. */
const runStates = async (source: 'wordpress' | 'disqus') =>
  (
    await payload.find({
      collection: 'imports',
      where: { source: { equals: source } },
      overrideAccess: true,
      sort: 'startedAt',
    })
  ).docs.map((r) => r.state)
const count = async (where: string) => (await sql<{ n: number }>(`select count(*)::int n from ${where}`))[0].n
const wordpressFile = path.join(dir, 'busy.xml')
const disqusFile = path.join(dir, 'busy-disqus.xml')
fs.writeFileSync(wordpressFile, busyExport())
fs.writeFileSync(disqusFile, busyDisqus())

it('a run killed with SIGKILL mid-import, then run again, ends as one clean run on a fresh database', async () => {
  await killMidImport('import:wordpress', wordpressFile, () => count(`articles where import_id is not null`))
  const partial = await count(`articles where import_id is not null`)
  expect(partial).toBeGreaterThanOrEqual(5)
  expect(partial).toBeLessThan(POSTS)

  const rerun = await importWordPress(payload, { file: wordpressFile, download: false })
  expect(rerun.report.counts.articles.existing).toBeGreaterThanOrEqual(partial - 1)
  const afterRerun = await snapshot()
  expect(afterRerun.articles).toHaveLength(POSTS)
  expect(afterRerun.comments).toHaveLength(POSTS * COMMENTS_PER_POST)
  // Every reply under its WordPress parent, on its own post.
  for (const c of afterRerun.comments as { import_id: string; parent: string | null; article: string }[]) {
    const n = Number(c.import_id.split(':')[2])
    expect(c.parent).toBe(n % 100 === 0 ? null : `wp:comment:${n - 1}`)
    expect(c.article).toBe(`wp:post:${Math.floor((n - 10_000) / 100) + 1}`)
  }
  expect(await runStates('wordpress')).toEqual(['interrupted', 'finished'])
  // The same rows, parents and statuses as the command run once on a fresh database.
  expect(afterRerun).toEqual(await cleanRun([['import:wordpress', wordpressFile]]))
  // And a run over it changes nothing.
  const again = await importWordPress(payload, { file: wordpressFile, download: false })
  expect(again.report.counts.articles.created).toBe(0)
  expect(again.report.counts.comments.created).toBe(0)
  expect(await snapshot()).toEqual(afterRerun)
}, 600_000)

it('a Disqus import killed with SIGKILL mid-import, then run again, ends as one clean run on a fresh database', async () => {
  // The posts the threads belong to (already there after the test above: nothing is written twice).
  await importWordPress(payload, { file: wordpressFile, download: false })
  const disqusRows = () => count(`comments where import_id like 'disqus:%'`)
  await killMidImport('import:disqus', disqusFile, disqusRows)
  const partial = await disqusRows()
  expect(partial).toBeGreaterThanOrEqual(5)
  expect(partial).toBeLessThan(POSTS * COMMENTS_PER_POST)

  const rerun = await importDisqus(payload, { file: disqusFile })
  expect(rerun.report.counts.comments.existing).toBeGreaterThanOrEqual(partial)
  const afterRerun = await snapshot()
  const disqus = (
    afterRerun.comments as { import_id: string; parent: string | null; article: string; status: string }[]
  ).filter((c) => c.import_id.startsWith('disqus:'))
  expect(disqus).toHaveLength(POSTS * COMMENTS_PER_POST)
  expect(new Set(disqus.map((c) => c.import_id)).size).toBe(disqus.length)
  for (const c of disqus) {
    const [, post, n] = /^disqus:d(\d+)-(\d)$/.exec(c.import_id)!
    expect(c.parent).toBe(n === '0' ? null : `disqus:d${post}-${Number(n) - 1}`)
    expect(c.article).toBe(`wp:post:${post}`)
    expect(c.status).toBe(n === '4' ? 'spam' : n === '5' ? 'trash' : 'approved')
  }
  expect(await runStates('disqus')).toEqual(['interrupted', 'finished'])
  // The same comments, parents and statuses as both commands run once on a fresh database.
  const clean = await cleanRun([
    ['import:wordpress', wordpressFile],
    ['import:disqus', disqusFile],
  ])
  expect(afterRerun.comments).toEqual(clean.comments)
  expect(afterRerun.articles).toEqual(clean.articles)
}, 600_000)

it('reads a large export with flat memory: the first pass keeps no contents', async () => {
  const file = path.join(dir, 'large.xml')
  const out = fs.openSync(file, 'w')
  fs.writeSync(out, wxrHeader('https://old.example'))
  const body = 'Lorem ipsum dolor sit amet, <em>consectetur</em> adipiscing elit. '.repeat(1500) // ~100 KB
  for (let i = 1; i <= 800; i++)
    fs.writeSync(
      out,
      wxrItem('https://old.example', {
        id: i,
        title: `Large ${i}`,
        slug: `large-${i}`,
        content: `${body}${i}`,
        comments: [{ id: i, content: body.slice(0, 5000) }],
      }),
    )
  fs.writeSync(out, WXR_FOOTER)
  fs.closeSync(out)
  const size = fs.statSync(file).size
  expect(size).toBeGreaterThan(80 * 1024 * 1024)
  // What the pass holds, not what the collector has yet to free: live memory (heap and buffers)
  // measured after a forced collection, every 64 chunks read. Peak RSS measured the collector's
  // mood as much as the importer (106 MB once in CI on the same code that stays near 20 MB here).
  const gc = (globalThis as { gc?: () => void }).gc
  expect(gc, 'vitest runs its workers with --expose-gc (vitest.config.mts)').toBeTypeOf('function')
  const live = () => (gc!(), process.memoryUsage().heapUsed + process.memoryUsage().external)
  const before = live()
  let peak = before
  let chunks = 0
  const scan = await scanWxr(file, () => {
    if (++chunks % 64 === 0) peak = Math.max(peak, live())
  })
  expect(scan.itemCount).toBe(800)
  expect(scan.commentCount).toBe(800)
  expect(chunks).toBeGreaterThan(256)
  // Holding what it read (even as slices of the input's chunks) keeps memory growing with the file:
  // 80 MB and more here. The pass keeps only small copies.
  expect(peak - before).toBeLessThan(30 * 1024 * 1024)
}, 300_000)
