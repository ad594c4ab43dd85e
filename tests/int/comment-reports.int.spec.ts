import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, User } from '@/payload-types'
import { TAGS } from '@/lib/cacheTags'
import { findFeedComments, renderCommentRss } from '@/lib/commentFeed'
import { commentLocation } from '@/lib/comments/permalink'
import { findShownComment } from '@/lib/comments/queries'
import { reportComment } from '@/lib/comments/report'
import { onTagsExpired } from '@/lib/revalidate'
import { poolOf } from '@/lib/sql'
import { ctx, publishedArticle, setDiscussion } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { sqlOf } from '../helpers/sql'
import { graphql, login, rest } from '../helpers/rest'
import { createStaff, PASSWORD, type Role } from '../helpers/staff'

let payload: Payload
let stop: () => Promise<void>
let staff: Record<Role, User>
const tokens: Partial<Record<Role, string>> = {}
let article: Article

/** An approved (or other) comment, written as a moderator would leave it. */
async function addComment(articleId: number, data: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'comments',
    data: { article: articleId, body: 'A remark.', authorName: 'Reader', status: 'approved', ...data },
    overrideAccess: true,
    context: ctx,
  })
}
const statusOf = async (id: number) =>
  (await payload.findByID({ collection: 'comments', id, overrideAccess: true, depth: 0 })).status

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  staff = await createStaff(payload)
  for (const role of ['editor', 'moderator', 'admin'] as Role[]) tokens[role] = await login(staff[role].email, PASSWORD)
  article = (await publishedArticle(payload, { title: 'Reported story' })) as Article
  await setDiscussion(payload, { reportThreshold: 2 })
})
afterAll(() => stop?.())

describe('readers report comments; at the threshold the comment goes back to the queue', () => {
  it('one report per address and comment; the second address reaches the threshold', async () => {
    const comment = await addComment(article.id)
    const expired: string[][] = []
    const off = onTagsExpired((tags) => expired.push(tags))
    try {
      const first = await reportComment(
        payload,
        { commentId: comment.id, reason: 'spam', readerId: null },
        { ip: '203.0.113.7' },
      )
      expect(first).toMatchObject({ ok: true, message: expect.stringMatching(/moderator will look/) })
      expect(await statusOf(comment.id)).toBe('approved')
      const again = await reportComment(
        payload,
        { commentId: comment.id, reason: 'abuse', readerId: null },
        { ip: '203.0.113.7' },
      )
      expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/already reported/) })
      expect(await statusOf(comment.id)).toBe('approved')
      expect(expired).toEqual([])
      const second = await reportComment(
        payload,
        { commentId: comment.id, reason: 'abuse', readerId: null },
        { ip: '198.51.100.9' },
      )
      expect(second).toMatchObject({ ok: true, returnedToQueue: true })
    } finally {
      off()
    }
    expect(await statusOf(comment.id)).toBe('pending')
    // The article's comments (and the comment feed) expire, so the page drops the comment.
    expect(expired).toContainEqual(expect.arrayContaining([TAGS.comments(article.id)]))
    const { totalDocs } = await payload.count({
      collection: 'comment-reports',
      where: { comment: { equals: comment.id } },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(2)
  })

  it('a signed-in reader reports once, whatever their address', async () => {
    const reader = await payload.create({
      collection: 'readers',
      data: { name: 'R', email: `r-${Date.now()}@example.test` },
      overrideAccess: true,
      context: ctx,
    })
    const comment = await addComment(article.id)
    expect(
      await reportComment(
        payload,
        { commentId: comment.id, reason: 'spam', readerId: reader.id },
        { ip: '203.0.113.1' },
      ),
    ).toMatchObject({ ok: true })
    expect(
      await reportComment(
        payload,
        { commentId: comment.id, reason: 'spam', readerId: reader.id },
        { ip: '203.0.113.2' },
      ),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already reported/),
    })
    expect(await statusOf(comment.id)).toBe('approved')
  })

  it('the threshold comes from Discussion settings', async () => {
    await setDiscussion(payload, { reportThreshold: 1 })
    try {
      const comment = await addComment(article.id)
      expect(
        await reportComment(
          payload,
          { commentId: comment.id, reason: 'other', readerId: null },
          { ip: '203.0.113.50' },
        ),
      ).toMatchObject({ returnedToQueue: true })
      expect(await statusOf(comment.id)).toBe('pending')
    } finally {
      await setDiscussion(payload, { reportThreshold: 2 })
    }
  })

  it('refuses unknown reasons, and comments that are not shown', async () => {
    const approved = await addComment(article.id)
    const pending = await addComment(article.id, { status: 'pending' })
    const draft = await payload.create({
      collection: 'articles',
      data: { title: 'Draft', _status: 'draft' },
      context: ctx,
    })
    const onDraft = await addComment(draft.id)
    expect(
      await reportComment(
        payload,
        { commentId: approved.id, reason: 'boring', readerId: null },
        { ip: '203.0.113.60' },
      ),
    ).toMatchObject({ ok: false, message: /reason/ })
    for (const id of [pending.id, onDraft.id, 999999]) {
      expect(
        await reportComment(payload, { commentId: id, reason: 'spam', readerId: null }, { ip: '203.0.113.61' }),
        String(id),
      ).toMatchObject({
        ok: false,
        message: /not shown/,
      })
    }
    const { totalDocs } = await payload.count({
      collection: 'comment-reports',
      where: { comment: { in: [approved.id, pending.id, onDraft.id] } },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(0)
  })
})

describe('reports are for moderators only', () => {
  it('moderators and admins read them (reason, address), never the reporter key; editors and the public cannot', async () => {
    const comment = await addComment(article.id)
    await reportComment(payload, { commentId: comment.id, reason: 'abuse', readerId: null }, { ip: '192.0.2.44' })
    for (const role of ['moderator', 'admin'] as Role[]) {
      const { status, json } = await rest('GET', `comment-reports?where[comment][equals]=${comment.id}`, {
        token: tokens[role],
      })
      expect(status).toBe(200)
      expect(json.docs).toHaveLength(1)
      expect(json.docs[0]).toMatchObject({ reason: 'abuse', ip: '192.0.2.0' })
      expect(json.docs[0].reporterKey).toBeUndefined()
    }
    for (const who of ['editor', 'anonymous'] as const) {
      const token = who === 'editor' ? tokens.editor : undefined
      expect((await rest('GET', 'comment-reports', { token })).status, who).toBe(403)
      expect((await graphql('{ CommentReports { docs { id } } }', { token })).json.errors?.length, who).toBeGreaterThan(
        0,
      )
    }
    await expect(payload.find({ collection: 'comment-reports', overrideAccess: false })).rejects.toThrow(/not allowed/)
  })

  it('nobody files a report or sends a comment back over the API', async () => {
    const comment = await addComment(article.id)
    const create = await rest('POST', 'comment-reports', {
      body: { comment: comment.id, reason: 'spam', reporterKey: 'x' },
    })
    expect(create.status).toBe(403)
    const editorCreate = await rest('POST', 'comment-reports', {
      token: tokens.editor,
      body: { comment: comment.id, reason: 'spam', reporterKey: 'x' },
    })
    expect(editorCreate.status).toBe(403)
    const patch = await rest('PATCH', `comments/${comment.id}`, { body: { status: 'pending' } })
    expect(patch.status).toBe(403)
    expect(await statusOf(comment.id)).toBe('approved')
  })
})

describe('comment permalinks', () => {
  it('point to the comment page and anchor that show the comment', async () => {
    await setDiscussion(payload, { perPage: 2, order: 'oldest', threadDepth: 3 })
    try {
      const story = (await publishedArticle(payload, { title: 'Threads' })) as Article
      const base = new Date('2026-01-01T00:00:00Z').getTime()
      const top: number[] = []
      for (let i = 0; i < 5; i++) top.push((await addComment(story.id)).id)
      for (const [i, id] of top.entries()) {
        await poolOf(payload).query('update comments set created_at = $1 where id = $2', [
          new Date(base + i * 60_000),
          id,
        ])
      }
      const reply = await addComment(story.id, { parent: top[2] })
      expect(await commentLocation(payload, top[0])).toBe(`/articles/${story.slug}#comment-${top[0]}`)
      expect(await commentLocation(payload, top[3])).toBe(`/articles/${story.slug}/comment-page/2#comment-${top[3]}`)
      expect(await commentLocation(payload, reply.id)).toBe(
        `/articles/${story.slug}/comment-page/2#comment-${reply.id}`,
      )
      expect(await commentLocation(payload, top[4])).toBe(`/articles/${story.slug}/comment-page/3#comment-${top[4]}`)
    } finally {
      await setDiscussion(payload, { perPage: 50 })
    }
  })

  it('only for approved comments on published articles', async () => {
    const pending = await addComment(article.id, { status: 'pending' })
    const draft = await payload.create({
      collection: 'articles',
      data: { title: 'Draft 2', _status: 'draft' },
      context: ctx,
    })
    const onDraft = await addComment(draft.id)
    const shown = await addComment(article.id)
    expect(await commentLocation(payload, shown.id)).toMatch(new RegExp(`#comment-${shown.id}$`))
    for (const id of [pending.id, onDraft.id, 987654]) expect(await commentLocation(payload, id), String(id)).toBeNull()
  })
})

describe('comment feeds', () => {
  it('the latest approved comments on published articles, site-wide and per article, newest first', async () => {
    const other = (await publishedArticle(payload, { title: 'Other <story> & more' })) as Article
    const draft = await payload.create({
      collection: 'articles',
      data: { title: 'Hidden', _status: 'draft' },
      context: ctx,
    })
    const a = await addComment(other.id, { body: 'First <b>bold</b> & "quoted"', authorName: 'Zed' })
    const b = await addComment(other.id, { body: 'Second' })
    const pending = await addComment(other.id, { status: 'pending', body: 'Pending one' })
    const hidden = await addComment(draft.id, { body: 'On a draft' })
    await poolOf(payload).query(`update comments set created_at = now() + interval '1 minute' where id = $1`, [b.id])

    const site = await findFeedComments(payload, null)
    expect(site.length).toBeGreaterThan(2)
    expect(site[0].id).toBe(b.id)
    expect(site.map((c) => c.id)).toContain(a.id)
    expect(site.map((c) => c.id)).not.toContain(pending.id)
    expect(site.map((c) => c.id)).not.toContain(hidden.id)

    const own = await findFeedComments(payload, other.id)
    expect(own.map((c) => c.id)).toEqual([b.id, a.id])

    const xml = renderCommentRss(
      { title: 'T', description: 'D', link: 'http://x', selfUrl: 'http://x/c.xml', serverUrl: 'http://x' },
      own,
    )
    expect(xml).toContain(`<link>http://x/comments/${a.id}</link>`)
    expect(xml).toContain('<description>First &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;</description>')
    expect(xml).toContain('<title>Zed on “Other &lt;story&gt; &amp; more”</title>')
    expect(xml.match(/<item>/g)).toHaveLength(2)
  })
})

describe("a comment's report page (findShownComment)", () => {
  it('finds approved comments on published articles, in two queries; nothing else', async () => {
    const shown = await addComment(article.id, { body: 'Report me.' })
    const { result, sql } = await sqlOf(() => findShownComment(payload, shown.id))
    expect(result).toMatchObject({
      comment: { id: shown.id, body: 'Report me.', authorName: 'Reader' },
      article: { title: article.title, slug: article.slug },
    })
    expect(sql.length).toBeGreaterThanOrEqual(2)
    expect(sql.length).toBeLessThanOrEqual(2)

    const pending = await addComment(article.id, { status: 'pending' })
    const draft = await payload.create({
      collection: 'articles',
      data: { title: 'Unpublished', _status: 'draft' },
      draft: true,
      overrideAccess: true,
    })
    const onDraft = await addComment(draft.id)
    // Past PostgreSQL's integer ids too: null, not a failed query.
    for (const id of [pending.id, onDraft.id, 999_999_999, 9_999_999_999, 0, -1, 2 ** 53])
      expect(await findShownComment(payload, id), String(id)).toBeNull()
  })
})
