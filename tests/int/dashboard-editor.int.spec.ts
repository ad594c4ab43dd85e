import { Forbidden, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { editorDashboard } from '@/lib/dashboard/editor'
import { formatInZone } from '@/lib/dashboard/format'
import { lexical } from '@/lib/lexical'
import type { User } from '@/payload-types'
import { ctx } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { createStaff, PASSWORD, type Role } from '../helpers/staff'

let payload: Payload
let stop: () => Promise<void>
let staff: Record<Role, User>
let other: User

const DAY = 86_400_000
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString()

async function article(title: string, authors: User[], data: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'articles',
    data: { title, content: lexical([{ p: 'x' }]), authors: authors.map((a) => a.id), _status: 'draft', ...data },
    draft: data._status !== 'published',
    context: ctx,
  })
}

async function comment(articleId: number, body: string, createdAt: string) {
  const doc = await payload.create({
    collection: 'comments',
    data: { article: articleId, body, authorName: 'Reader', status: 'approved', verdict: { score: 0, hits: [] } },
    context: ctx,
  })
  await payload.db.updateOne({ collection: 'comments', id: doc.id, data: { createdAt } })
  return doc
}

const ids: Record<string, number> = {}

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  staff = await createStaff(payload)
  other = await payload.create({
    collection: 'users',
    data: { email: `editor2-${Date.now()}@example.test`, name: 'Other editor', roles: ['editor'], password: PASSWORD },
    context: ctx,
  })
  const me = staff.editor
  ids.myDraft = (await article('My draft', [me])).id
  ids.coDraft = (await article('Co-written draft', [other, me])).id
  ids.otherDraft = (await article('Someone else’s draft', [other])).id
  ids.myLive = (await article('My live story', [me], { _status: 'published', publishedAt: inDays(-2) })).id
  ids.myFuture = (await article('My future story', [me], { _status: 'published', publishedAt: inDays(3) })).id
  ids.otherFuture = (await article('Their future story', [other], { _status: 'published', publishedAt: inDays(1) })).id
  ids.otherLive = (await article('Their live story', [other], { _status: 'published', publishedAt: inDays(-2) })).id
  ids.myQueued = (await article('My queued draft', [me])).id
  ids.otherQueued = (await article('Their queued draft', [other])).id
  // "Schedule publish" as the admin queues it (Payload's schedulePublish task).
  for (const [id, user, waitUntil] of [
    [ids.myQueued, me, inDays(2)],
    [ids.otherQueued, other, inDays(1)],
  ] as const) {
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: id },
        user: { relationTo: 'users', value: user.id },
      },
      waitUntil: new Date(waitUntil),
    })
  }
  await comment(ids.myLive, 'Older remark on mine', inDays(-1.5))
  await comment(ids.myLive, 'Newest remark on mine', inDays(-0.1))
  await comment(ids.otherLive, 'Remark on theirs', inDays(-0.05))
})
afterAll(() => stop?.())

describe('editor dashboard data', () => {
  it('lists only the editor’s own drafts, scheduled articles and comments on their articles', async () => {
    const d = await editorDashboard(payload, { user: staff.editor })
    expect(d.drafts.map((a) => a.title).sort()).toEqual(['Co-written draft', 'My draft', 'My queued draft'])
    expect(d.scheduled.map((s) => [s.title, s.kind, s.id])).toEqual([
      ['My queued draft', 'publish', ids.myQueued],
      ['My future story', 'goes-live', ids.myFuture],
    ])
    expect(d.comments.map((c) => [c.excerpt, c.article.title])).toEqual([
      ['Newest remark on mine', 'My live story'],
      ['Older remark on mine', 'My live story'],
    ])
  })

  it('another editor sees theirs, not the first editor’s', async () => {
    const d = await editorDashboard(payload, { user: other })
    expect(d.drafts.map((a) => a.title).sort()).toEqual([
      'Co-written draft',
      'Someone else’s draft',
      'Their queued draft',
    ])
    expect(d.scheduled.map((s) => s.title)).toEqual(['Their future story', 'Their queued draft'])
    expect(d.comments.map((c) => c.excerpt)).toEqual(['Remark on theirs'])
  })

  it('a published article is no longer a draft', async () => {
    await payload.update({
      collection: 'articles',
      id: ids.myDraft,
      data: { _status: 'published' },
      user: staff.editor,
      overrideAccess: false,
      context: ctx,
    })
    const d = await editorDashboard(payload, { user: staff.editor })
    expect(d.drafts.length).toBeGreaterThan(0)
    expect(d.drafts.map((a) => a.title)).not.toContain('My draft')
  })

  it('moderators are refused (403); the list is capped by limit', async () => {
    const error = await editorDashboard(payload, { user: staff.moderator }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(Forbidden)
    const d = await editorDashboard(payload, { user: staff.editor, limit: 1 })
    expect(d.comments).toHaveLength(1)
    expect(d.scheduled).toHaveLength(1)
  })

  it('times are shown in the site’s time zone', () => {
    expect(formatInZone('2026-11-29T23:30:00Z', 'Europe/Paris')).toBe('30 Nov 2026, 00:30 (Europe/Paris)')
    expect(formatInZone('2026-11-29T23:30:00Z', 'UTC')).toBe('29 Nov 2026, 23:30 (UTC)')
  })
})
