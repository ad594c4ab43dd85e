import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Import, User } from '@/payload-types'
import { poolOf } from '@/lib/sql'
import { importDisqus } from '@/scripts/import/disqus/import'
import { generateDisqus, generateWxr, type GenItem } from '@/scripts/import/lib/generateWxr'
import { SILENT_MS } from '@/scripts/import/lib/importRun'
import { importWordPress } from '@/scripts/import/wordpress/import'
import { startPayload } from '../helpers/payload'
import { graphql, login, rest } from '../helpers/rest'
import { createStaff, PASSWORD, type Role } from '../helpers/staff'

let payload: Payload
let stop: () => Promise<void>
let staff: Record<Role, User>
const tokens: Partial<Record<Role, string>> = {}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-imports-record-'))
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const ITEMS: GenItem[] = [
  {
    id: 1,
    title: 'First',
    slug: 'first',
    content: 'Hello.',
    comments: [
      { id: 11, content: 'A comment.' },
      { id: 12, parent: 11, content: 'A reply.' },
      { id: 13, content: 'A pingback.', type: 'pingback', url: 'https://elsewhere.example/' },
    ],
  },
  { id: 2, title: 'Secret', slug: 'secret', status: 'private', content: 'Private.' },
  { id: 3, title: 'By a stranger', slug: 'stranger', creator: 'nobody-known', content: 'Hi.' },
  { id: 4, title: 'Binned', slug: 'binned', status: 'trash', content: 'Gone.' },
]
const AUTHORS = [{ id: 1, login: 'alice', email: 'alice@old.example', name: 'Alice' }]

/** A WordPress export of `n` posts with ids from `first`, each with a comment. */
const postsExport = (first: number, n: number) =>
  generateWxr({
    authors: AUTHORS,
    items: Array.from({ length: n }, (_, i) => ({
      id: first + i,
      title: `Post ${first + i}`,
      slug: `post-${first + i}`,
      content: `Body ${first + i}.\n\nMore.`,
      comments: [{ id: first * 10 + i, content: `Comment on ${first + i}` }],
    })),
  })

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  staff = await createStaff(payload)
  for (const role of ['admin', 'editor', 'moderator'] as Role[]) tokens[role] = await login(staff[role].email, PASSWORD)
})
afterAll(async () => {
  await stop?.()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the Imports record of a run', () => {
  let record: Import
  let report: Awaited<ReturnType<typeof importWordPress>>['report']

  beforeAll(async () => {
    const file = path.join(dir, 'record.xml')
    fs.writeFileSync(file, generateWxr({ authors: AUTHORS, items: ITEMS }))
    const result = await importWordPress(payload, { file, download: false, adminEmail: staff.admin.email })
    report = result.report
    record = await payload.findByID({ collection: 'imports', id: result.importId!, depth: 0, overrideAccess: true })
  })

  it('holds the file, its hash, who imported it, counts and warnings as reported, its duration, finished', async () => {
    const bytes = fs.readFileSync(path.join(dir, 'record.xml'))
    expect(record.fileName).toBe('record.xml')
    expect(record.fileHash).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(record.fileSize).toBe(bytes.length)
    expect(record.source).toBe('wordpress')
    expect(record.importedBy).toBe(staff.admin.id)
    expect(record.state).toBe('finished')
    expect(record.dryRun).toBe(false)
    expect(record.durationMs).toBeGreaterThan(0)
    expect(Date.parse(record.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(record.startedAt))
    expect(record.error ?? null).toBeNull()
    // Counts per kind, as the report printed them.
    expect(report.counts.articles).toEqual({ created: 3, existing: 0, skipped: 1 })
    expect(report.counts.comments.created).toBe(2)
    expect(report.counts.pingbacks.created).toBe(1)
    expect(record.counts).toEqual(report.counts)
    // Everything skipped or changed, with its reason.
    const warnings = record.warnings as string[]
    expect(warnings).toEqual(report.allWarnings())
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"Secret": private, imported as a draft'),
        expect.stringContaining('creator "nobody-known" is not among the export\'s authors'),
        expect.stringContaining('"Binned": in the trash'),
      ]),
    )
  })

  it('admins read it over REST, GraphQL and the Local API; editors, moderators and anonymous visitors cannot', async () => {
    const list = await rest('GET', 'imports', { token: tokens.admin })
    expect(list.status).toBe(200)
    expect(list.json.docs.map((d: Import) => d.id)).toContain(record.id)
    const one = await rest('GET', `imports/${record.id}`, { token: tokens.admin })
    expect(one.status).toBe(200)
    expect(one.json.fileHash).toBe(record.fileHash)
    const gql = await graphql('{ Imports { docs { id fileName state } } }', { token: tokens.admin })
    expect(gql.json.errors).toBeUndefined()
    expect(gql.json.data.Imports.docs).toContainEqual({ id: record.id, fileName: 'record.xml', state: 'finished' })
    const local = await payload.find({ collection: 'imports', overrideAccess: false, user: staff.admin, depth: 0 })
    expect(local.docs.map((d) => d.id)).toContain(record.id)

    for (const who of ['editor', 'moderator', undefined] as const) {
      const token = who ? tokens[who] : undefined
      const denied = await rest('GET', 'imports', { token })
      expect(denied.status, `${who ?? 'anonymous'} lists imports`).toBe(403)
      expect(denied.json.docs).toBeUndefined()
      expect((await rest('GET', `imports/${record.id}`, { token })).status).toBe(403)
      const deniedGql = await graphql('{ Imports { docs { id fileName } } }', { token })
      expect(deniedGql.json.errors?.[0]?.message).toMatch(/not allowed/i)
      expect(deniedGql.json.data?.Imports ?? null).toBeNull()
      await expect(
        payload.find({ collection: 'imports', overrideAccess: false, user: who ? staff[who] : undefined }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        payload.findByID({
          collection: 'imports',
          id: record.id,
          overrideAccess: false,
          user: who ? staff[who] : undefined,
        }),
      ).rejects.toMatchObject({ status: 403 })
    }
  })
})

describe('interrupted runs', () => {
  const runs = (source: 'wordpress' | 'disqus') =>
    payload.find({
      collection: 'imports',
      where: { source: { equals: source } },
      sort: 'startedAt',
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })

  it('a WordPress import still running is not marked interrupted by a Disqus run starting', async () => {
    const file = path.join(dir, 'long.xml')
    fs.writeFileSync(file, postsExport(1000, 150))
    // The real command, paused (SIGSTOP) once it is writing: alive, and running for as long as the test wants.
    const child = spawn(process.execPath, ['server/launcher.mjs', 'import:wordpress', file, '--no-download'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', PAYLOAD_SECRET: 'integration-test-secret' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stdout!.resume()
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    await new Promise<void>((resolve, reject) => {
      child.stderr!.on('data', (d) => {
        stderr += d
        if (stderr.includes('importing')) {
          process.kill(-child.pid!, 'SIGSTOP')
          resolve()
        }
      })
      child.on('exit', () => reject(new Error(`the import ended before it could be paused:\n${stderr}`)))
    })
    try {
      const [wordpress] = (await runs('wordpress')).docs.filter((r) => r.fileName === 'long.xml')
      expect(wordpress.state).toBe('running')
      expect(wordpress.host).toBe(os.hostname())
      expect(wordpress.pid).toBeGreaterThan(0)

      const disqusFile = path.join(dir, 'disqus.xml')
      fs.writeFileSync(
        disqusFile,
        generateDisqus([
          {
            id: 't1',
            identifier: 'elsewhere',
            link: 'https://old.example/elsewhere/',
            posts: [{ id: 'd1', message: 'Hi' }],
          },
        ]),
      )
      await importDisqus(payload, { file: disqusFile })
      const disqus = (await runs('disqus')).docs
      expect(disqus.map((r) => r.state)).toEqual(['finished'])
      const after = await payload.findByID({ collection: 'imports', id: wordpress.id, overrideAccess: true })
      expect(after.state).toBe('running')
    } finally {
      process.kill(-child.pid!, 'SIGCONT')
    }
    expect(await exited, stderr).toBe(0)
    const [done] = (await runs('wordpress')).docs.filter((r) => r.fileName === 'long.xml')
    expect(done.state).toBe('finished')
  }, 300_000)

  it("a run marks interrupted the same importer's runs whose process is gone, and no other", async () => {
    // A pid that was this host's and has ended; one that is alive.
    const ended = spawn(process.execPath, ['-e', ''])
    await new Promise((resolve) => ended.on('exit', resolve))
    const alive = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'])
    const now = Date.now()
    const row = async (label: string, source: 'wordpress' | 'disqus', host: string, pid: number, beatMsAgo: number) => {
      const at = new Date(now - beatMsAgo).toISOString()
      const doc = await payload.create({
        collection: 'imports',
        overrideAccess: true,
        data: { source, fileName: label, state: 'running', startedAt: at, heartbeatAt: at, host, pid },
      })
      return doc.id
    }
    const here = os.hostname()
    const ids = {
      killedHere: await row('killed-here', 'wordpress', here, ended.pid!, 1000),
      aliveHere: await row('alive-here', 'wordpress', here, alive.pid!, 1000),
      elsewhereBeating: await row('elsewhere-beating', 'wordpress', 'another-host', 4242, 1000),
      elsewhereSilent: await row('elsewhere-silent', 'wordpress', 'another-host', 4242, SILENT_MS + 60_000),
      otherImporterKilled: await row('disqus-killed-here', 'disqus', here, ended.pid!, 1000),
    }
    try {
      const file = path.join(dir, 'next.xml')
      fs.writeFileSync(file, postsExport(5000, 2))
      await importWordPress(payload, { file, download: false })
      const state = async (id: number) =>
        (await payload.findByID({ collection: 'imports', id, overrideAccess: true, depth: 0 })).state
      expect(await state(ids.killedHere)).toBe('interrupted')
      expect(await state(ids.elsewhereSilent)).toBe('interrupted')
      expect(await state(ids.aliveHere)).toBe('running')
      expect(await state(ids.elsewhereBeating)).toBe('running')
      expect(await state(ids.otherImporterKilled)).toBe('running')
    } finally {
      alive.kill()
      // Not left for other runs in this file to judge.
      await poolOf(payload).query(`delete from imports where id = any($1::int[])`, [Object.values(ids)])
    }
  })
})
