import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findCommentPage, MAX_COMMENTS_PER_PAGE } from '@/lib/comments/queries'
import type { PublicComment } from '@/lib/comments/publicComment'
import { buildThreads, type ThreadNode } from '@/lib/comments/threads'
import { poolOf } from '@/lib/sql'
import { publishedArticle } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { sqlOf } from '../helpers/sql'

// F18: an article with 100,000 comments renders one comment page from one bounded query.
const COMMENTS = 100_000
let payload: Payload
let stop: () => Promise<void>
let articleId: number
let all: PublicComment[]

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  articleId = (await publishedArticle(payload)).id
  const pool = poolOf(payload)
  // As scripts/seed/bulk writes: one statement. Every third comment answers the one before it,
  // every 50th is spam (its replies then stand alone), one in 100 is pending.
  await pool.query(
    `insert into comments (article_id, body, excerpt, author_name, status, created_at, updated_at)
     select $1, 'Comment ' || i, 'Comment ' || i, 'Reader ' || i,
            (case when i % 50 = 0 then 'spam' when i % 100 = 1 then 'pending' else 'approved' end)::enum_comments_status,
            timestamptz '2026-01-01' + i * interval '1 second', now()
     from generate_series(1, $2::int) i`,
    [articleId, COMMENTS],
  )
  await pool.query(
    `update comments c set parent_id = c.id - 1
     where c.article_id = $1 and c.id % 3 = 0
       and exists (select 1 from comments p where p.id = c.id - 1 and p.article_id = $1)`,
    [articleId],
  )
  await pool.query('vacuum analyze comments') // as autovacuum does after a bulk load
  // The reference: every approved comment, as the page read them before.
  const { rows } = await pool.query<{
    id: number
    body: string
    author_name: string
    created_at: Date
    parent_id: number | null
  }>(
    `select id, body, author_name, created_at, parent_id from comments where article_id = $1 and status = 'approved'`,
    [articleId],
  )
  all = rows.map((r) => ({
    id: r.id,
    body: r.body,
    authorName: r.author_name,
    authorUrl: null,
    createdAt: r.created_at.toISOString(),
    status: 'approved',
    parent: r.parent_id,
  }))
}, 300_000)
afterAll(() => stop?.())

const shape = (nodes: ThreadNode[]): unknown[] => nodes.map((n) => (n.replies.length ? [n.id, shape(n.replies)] : n.id))

describe('a comment page of an article with 100,000 comments', () => {
  it.each([
    ['first page, oldest first', 1, 'oldest'],
    ['second page, oldest first', 2, 'oldest'],
    ['first page, newest first', 1, 'newest'],
    ['a page far in', 700, 'oldest'],
  ] as const)(
    '%s: one query, a bounded page of rows, the same threads as reading everything',
    async (_name, page, order) => {
      const perPage = 50
      const threads = buildThreads(all, { maxDepth: 3, order })
      expect(threads.length).toBeGreaterThan(page * perPage)
      const expected = threads.slice((page - 1) * perPage, page * perPage)

      const { result, sql } = await sqlOf(() => findCommentPage(payload, articleId, { page, perPage, order }))
      expect(sql).toHaveLength(1)
      expect(result.total).toBe(all.length)
      expect(result.threads).toBe(threads.length)
      expect(result.comments.length).toBeGreaterThanOrEqual(perPage)
      expect(result.comments.length).toBeLessThanOrEqual(MAX_COMMENTS_PER_PAGE)
      expect(result.comments.length).toBeLessThan(all.length / 100)
      expect(shape(buildThreads(result.comments, { maxDepth: 3, order }))).toEqual(shape(expected))
      expect(result.comments[0]).toMatchObject({ status: 'approved', body: expect.stringMatching(/^Comment \d+$/) })
    },
  )

  it('a page past the last one is empty, with the counts still right', async () => {
    const result = await findCommentPage(payload, articleId, { page: 100_000, perPage: 50, order: 'oldest' })
    expect(result.total).toBe(all.length)
    expect(result.threads).toBeGreaterThan(0)
    expect(result.comments).toEqual([])
  })

  it('a thread with more replies than a page may read is cut at the bound', async () => {
    const pool = poolOf(payload)
    const other = (await publishedArticle(payload)).id
    const { rows } = await pool.query<{ id: number }>(
      `insert into comments (article_id, body, excerpt, author_name, status) values ($1, 'Root', 'Root', 'R', 'approved') returning id`,
      [other],
    )
    await pool.query(
      `insert into comments (article_id, body, excerpt, author_name, status, parent_id)
       select $1, 'Reply ' || i, 'Reply ' || i, 'R', 'approved', $2 from generate_series(1, $3::int) i`,
      [other, rows[0].id, MAX_COMMENTS_PER_PAGE + 500],
    )
    const result = await findCommentPage(payload, other, { page: 1, perPage: 50, order: 'oldest' })
    expect(result.total).toBe(MAX_COMMENTS_PER_PAGE + 501)
    expect(result.comments).toHaveLength(MAX_COMMENTS_PER_PAGE)
    expect(result.comments[0]).toMatchObject({ id: rows[0].id, parent: null })
  })
})
