import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { poolOf } from '@/lib/sql'
import { generateWxr, type GenItem, WXR_FOOTER, wxrHeader, wxrItem } from '@/scripts/import/lib/generateWxr'
import { importWordPress } from '@/scripts/import/wordpress/import'
import { scanWxr } from '@/scripts/import/wordpress/scan'
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

async function snapshot() {
  return {
    articles: await sql(`select import_id, slug, _status from articles where import_id is not null order by import_id`),
    comments: await sql(
      `select c.import_id, p.import_id parent, a.import_id article from comments c left join comments p on p.id = c.parent_id join articles a on a.id = c.article_id order by c.import_id`,
    ),
    redirects: await sql(`select "from", to_type from redirects order by "from"`),
  }
}

it('a run killed with SIGKILL mid-import, then run again, ends as one clean run: nothing missing, nothing twice', async () => {
  const file = path.join(dir, 'busy.xml')
  fs.writeFileSync(file, busyExport())
  // The real command, through the launcher, on this test's database.
  const child = spawn(process.execPath, ['server/launcher.mjs', 'import:wordpress', file, '--no-download'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PAYLOAD_SECRET: 'integration-test-secret' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  )
  // Killed once it is writing articles: after its first "importing" progress line and a few rows.
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d) => (stderr += d))
    child.stdout!.resume()
    const timer = setInterval(async () => {
      if (!stderr.includes('importing')) return
      const [{ n }] = await sql<{ n: number }>(`select count(*)::int n from articles where import_id is not null`)
      if (n >= 5) {
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
  const [{ n: partial }] = await sql<{ n: number }>(`select count(*)::int n from articles where import_id is not null`)
  expect(partial).toBeGreaterThanOrEqual(5)
  expect(partial).toBeLessThan(POSTS)

  const rerun = await importWordPress(payload, { file, download: false })
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
  const runs = await payload.find({ collection: 'imports', overrideAccess: true, sort: 'startedAt' })
  expect(runs.docs.map((r) => r.state)).toEqual(['interrupted', 'finished'])
  // And a clean run over it changes nothing.
  const clean = await importWordPress(payload, { file, download: false })
  expect(clean.report.counts.articles.created).toBe(0)
  expect(clean.report.counts.comments.created).toBe(0)
  expect(await snapshot()).toEqual(afterRerun)
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
