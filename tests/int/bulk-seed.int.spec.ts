import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { Article } from '@/payload-types'
import { poolOf } from '@/lib/sql'
import { AlreadySeeded, bulkSeed } from '@/scripts/seed/bulk/index'
import { startPayload } from '../helpers/payload'

/** The bulk seed writes rows with SQL; Payload must read, version and edit them like its own. */
let payload: Payload
let stop: () => Promise<void>
const options = { articles: 30, comments: 600, append: false, seed: 7 }
const sql = <R>(text: string, params: unknown[] = []) =>
  poolOf(payload)
    .query<R>(text, params)
    .then((r) => r.rows)

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  await bulkSeed(payload, options)
})
afterAll(() => stop?.())

it('adds the articles and comments, after the demo content on an empty database', async () => {
  const bulk = await sql<{ n: number }>(`select count(*)::int n from articles where slug ~ '-[0-9]+$'`)
  expect(bulk[0].n).toBe(30)
  expect((await payload.count({ collection: 'comments' })).totalDocs).toBe(600)
  expect(
    (
      await payload.find({
        collection: 'users',
        where: { email: { equals: 'admin@byline.local' } },
      })
    ).totalDocs,
  ).toBe(1)
  const statuses = await sql<{ status: string }>(`select distinct status::text from comments order by 1`)
  expect(statuses.map((s) => s.status)).toEqual(['approved', 'pending', 'spam', 'trash'])
})

it('threads replies only under earlier approved comments of the same article', async () => {
  const bad = await sql(
    `select c.id from comments c join comments p on p.id = c.parent_id
     where p.article_id <> c.article_id or p.status <> 'approved' or p.created_at > c.created_at`,
  )
  expect(bad).toEqual([])
  expect(
    (await sql<{ n: number }>(`select count(*)::int n from comments where parent_id is not null`))[0].n,
  ).toBeGreaterThan(0)
})

it('reads a bulk article as a reader would: headings, categories, tags, authors, approved comments', async () => {
  const { docs } = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    where: { slug: { like: '-1' } },
    sort: '-publishedAt',
    limit: 50,
    depth: 1,
  })
  const article = docs.find((a) => /-\d+$/.test(a.slug ?? '')) as Article
  expect(JSON.stringify(article.content)).toContain('"tag":"h2"')
  expect(article.categories?.[0]).toMatchObject({ title: expect.any(String) })
  expect(article.tags?.length).toBeGreaterThanOrEqual(2)
  expect(article.populatedAuthors?.[0]).toMatchObject({ name: expect.any(String) })
  const shown = await payload.find({
    collection: 'comments',
    overrideAccess: false,
    where: { article: { equals: article.id } },
    pagination: false,
  })
  expect(shown.docs.every((c) => c.status === 'approved')).toBe(true)
})

it('has a latest version per article, so the admin edits it like any other', async () => {
  const [{ id }] = await sql<{ id: number }>(
    `select id from articles where slug ~ '-[0-9]+$' and _status = 'published' limit 1`,
  )
  const before = await payload.findVersions({
    collection: 'articles',
    where: { parent: { equals: id } },
  })
  expect(before.docs).toHaveLength(1)
  expect(before.docs[0]).toMatchObject({ latest: true, version: { _status: 'published' } })
  const admin = (await payload.find({ collection: 'users', where: { email: { equals: 'admin@byline.local' } } }))
    .docs[0]
  const updated = await payload.update({
    collection: 'articles',
    id,
    data: { title: 'Edited in the admin' },
    overrideAccess: false,
    user: admin,
    context: { disableRevalidate: true },
  })
  expect(updated).toMatchObject({ title: 'Edited in the admin', tags: before.docs[0].version.tags })
  expect((await payload.findVersions({ collection: 'articles', where: { parent: { equals: id } } })).totalDocs).toBe(2)
})

it('refuses a second run unless told to append, then appends with fresh slugs', async () => {
  await expect(bulkSeed(payload, options)).rejects.toBeInstanceOf(AlreadySeeded)
  await bulkSeed(payload, { ...options, articles: 5, comments: 50, append: true })
  const [{ n, distinct }] = await sql<{ n: number; distinct: number }>(
    `select count(*)::int n, count(distinct slug)::int distinct from articles`,
  )
  expect(n).toBe(distinct)
  expect((await payload.count({ collection: 'comments' })).totalDocs).toBe(650)
})
