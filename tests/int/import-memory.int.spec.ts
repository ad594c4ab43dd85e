import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, inject, it } from 'vitest'

import { createThrowawayDatabase } from '../../server/database.mjs'
import { exportConditions } from '../../server/exportConditions.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-wxr-memory-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

type Probe = {
  items: number
  comments: number
  counts: Record<string, { created: number }>
  samples: { bytes: number; live: number }[]
  end: number
  maxRss: number
}

/** The benchmark's synthetic export (scripts/bench/import/export.ts) of about `megabytes`. */
function benchExport(megabytes: number): string {
  const file = path.join(dir, `export-${megabytes}.xml`)
  const gen = spawnSync(
    path.join(root, 'node_modules/.bin/tsx'),
    ['scripts/bench/import/export.ts', file, String(megabytes)],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
  expect(gen.status, gen.stderr).toBe(0)
  return file
}

/** Both passes of the importer, writing to a fresh database, in a process of its own run with --expose-gc. */
async function probe(file: string): Promise<Probe> {
  const { url } = await createThrowawayDatabase(inject('adminDatabaseUrl'), inject('databasePrefix'))
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--no-deprecation',
      exportConditions('test'),
      'node_modules/payload/bin.js',
      'run',
      'tests/helpers/importMemoryProbe.ts',
      '--',
      file,
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const code = await new Promise((resolve) => child.on('exit', resolve))
  expect(code, `${stdout}\n${stderr}`).toBe(0)
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Probe
}

const MB = 1024 * 1024

it('imports a large generated export with flat memory: live memory grows by kilobytes per item, peak RSS stays low', async () => {
  const small = await probe(benchExport(0.3))
  const large = await probe(benchExport(1.2))
  // Both runs wrote what they read (articles with their threads), the larger about four times as much.
  expect(small.counts.articles.created).toBeGreaterThan(50)
  expect(small.counts.comments.created).toBeGreaterThan(100)
  expect(large.items).toBeGreaterThan(3.5 * small.items)
  expect(large.counts.articles.created).toBeGreaterThan(3.5 * small.counts.articles.created)
  expect(large.samples.length).toBeGreaterThanOrEqual(5)

  // What the importer holds, measured after forced collections through the writing pass and at its
  // end: the first pass's summary of each item and the WordPress id → Byline id maps, a few KB an
  // item (5 to 13 here, the smaller run's share of code compiled once weighing most). Anything
  // kept per document (a JSDOM window, a cache of what was written) costs hundreds of KB an item.
  const held = (p: Probe) => Math.max(p.end, ...p.samples.map((s) => s.live))
  const perItem = (held(large) - held(small)) / (large.items - small.items)
  // Within the larger run too: from the first tenth of the file to the end.
  const written = (large.samples.at(-1)!.live - large.samples[1].live) / (large.items * 0.8)
  const rssPerItem = (large.maxRss - small.maxRss) / (large.items - small.items)
  console.info(
    `import memory: ${small.items} items held ${(held(small) / MB).toFixed(1)} MB, ${large.items} held ${(held(large) / MB).toFixed(1)} MB: ${(perItem / 1024).toFixed(1)} KB an item (${(written / 1024).toFixed(1)} KB within the run); peak RSS ${Math.round(small.maxRss / MB)} and ${Math.round(large.maxRss / MB)} MB`,
  )
  expect(perItem).toBeLessThan(40 * 1024)
  expect(written).toBeLessThan(40 * 1024)
  // Peak RSS does not grow with the items either: about 310 MB at both sizes here (Payload's,
  // Lexical's and Next's modules). A new JSDOM per document, though collected, took it from 326 to
  // 401 MB (400 KB an item); a 200 MB export must stay under 1 GB (npm run bench:import).
  expect(rssPerItem).toBeLessThan(200 * 1024)
  expect(small.maxRss).toBeLessThan(512 * MB)
  expect(large.maxRss).toBeLessThan(512 * MB)
}, 600_000)
