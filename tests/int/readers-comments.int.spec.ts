import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { MESSAGES } from '@/lib/comments/messages'
import { deleteOwnComment, editOwnComment } from '@/lib/comments/own'
import { ownCommentsOn } from '@/lib/comments/ownList'
import { submitComment, type Submission } from '@/lib/comments/submit'
import { clearThrottle, comment, ctx, publishedArticle, sender, setDiscussion } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { adapterFor, createReader, sessionCookie } from '../helpers/readers'
import { graphql, login, rest } from '../helpers/rest'
import { createStaff, PASSWORD } from '../helpers/staff'

let payload: Payload
let stop: () => Promise<void>
let moderator: User
let moderatorToken: string
let articleId: number

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  moderator = (await createStaff(payload)).moderator
  moderatorToken = await login(moderator.email, PASSWORD)
  articleId = (await publishedArticle(payload)).id
})
afterAll(() => stop?.())
beforeEach(async () => {
  await setDiscussion(payload, {
    manualApproval: true,
    trustApprovedAuthors: true,
    trustAfterApproved: 1,
    requireLogin: false,
    holdLinkCount: 2,
    moderationWords: '',
    disallowedWords: '',
    requireNameEmail: true,
    commentsEnabled: true,
    closeAfterDays: 0,
    minSecondsToSubmit: 3,
    perIpPerHour: 20,
  })
  await clearThrottle(payload)
})

const asReader = (readerId: number, over: Partial<Submission> = {}) =>
  comment(articleId, { authorName: '', authorEmail: '', readerId, ...over })
const countAll = () => payload.count({ collection: 'comments' }).then((r) => r.totalDocs)
const statusOf = async (id: number) => (await payload.findByID({ collection: 'comments', id })).status
const approve = (id: number) =>
  payload.update({ collection: 'comments', id, data: { status: 'approved' }, context: ctx })
const ban = (id: number, data: Record<string, unknown>) =>
  rest('PATCH', `readers/${id}`, { token: moderatorToken, body: { banned: true, ...data } })

describe('signed-in readers comment as themselves', () => {
  it("stores the comment linked to the reader, under the account's name and email, whatever the form said", async () => {
    const reader = await createReader(payload, 'Rosa')
    const result = await submitComment(
      payload,
      asReader(reader.id, { authorName: 'Someone Else', authorEmail: 'else@example.test' }),
      sender(),
    )
    if (!result.ok) throw new Error(JSON.stringify(result))
    const stored = await payload.findByID({ collection: 'comments', id: result.comment.id, depth: 0 })
    expect(stored).toMatchObject({
      reader: reader.id,
      authorName: 'Rosa',
      authorEmail: reader.email,
      status: 'pending',
    })
  })
})

describe('bans', () => {
  it.each([
    ['with a reason', { banReason: 'Personal attacks' }, MESSAGES.banned('Personal attacks')],
    ['without a reason', {}, 'You are banned from commenting on this site.'],
    [
      'until a later date',
      { bannedUntil: new Date(Date.now() + 86_400_000).toISOString(), banReason: 'Cool off' },
      MESSAGES.banned('Cool off'),
    ],
  ])("refuses a banned reader's new comment (%s), saying so, and stores nothing", async (_name, terms, message) => {
    const reader = await createReader(payload, 'Troll')
    expect((await ban(reader.id, terms)).status).toBe(200)
    const before = await countAll()
    expect(await submitComment(payload, asReader(reader.id), sender())).toEqual({ ok: false, errors: [], message })
    expect(await countAll()).toBe(before)
  })

  it('a ban that has ended refuses nothing', async () => {
    const reader = await createReader(payload, 'Reformed')
    await ban(reader.id, { bannedUntil: new Date(Date.now() - 60_000).toISOString() })
    expect((await submitComment(payload, asReader(reader.id), sender())).ok).toBe(true)
  })

  it('banning signs the reader out of every session', async () => {
    const reader = await createReader(payload, 'Everywhere')
    const adapter = adapterFor(payload)
    const phone = await sessionCookie(payload, reader.id)
    const laptop = await sessionCookie(payload, reader.id)
    expect(await adapter.getSessionAndUser!(phone.sessionToken)).not.toBeNull()
    await ban(reader.id, { banReason: 'Spam' })
    expect(await adapter.getSessionAndUser!(phone.sessionToken)).toBeNull()
    expect(await adapter.getSessionAndUser!(laptop.sessionToken)).toBeNull()
    // Signed in again, the session says so, and comments are still refused.
    const again = await sessionCookie(payload, reader.id)
    expect((await adapter.getSessionAndUser!(again.sessionToken))?.user).toMatchObject({ ban: { reason: 'Spam' } })
  })

  it('"hide all their comments" marks every approved and pending comment of theirs as spam, at once', async () => {
    const reader = await createReader(payload, 'Hidden')
    const ids: number[] = []
    for (const body of ['One', 'Two', 'Three']) {
      const r = await submitComment(payload, asReader(reader.id, { body }), sender())
      if (!r.ok) throw new Error('refused')
      ids.push(r.comment.id)
      await clearThrottle(payload)
    }
    await approve(ids[0])
    const other = await submitComment(payload, comment(articleId), sender())
    const patch = await rest('PATCH', `readers/${reader.id}`, {
      token: moderatorToken,
      body: { banned: true, hideAllComments: true },
    })
    expect(patch.status).toBe(200)
    expect(await Promise.all(ids.map(statusOf))).toEqual(['spam', 'spam', 'spam'])
    if (!other.ok) throw new Error(`the other commenter was refused: ${JSON.stringify(other)}`)
    expect(await statusOf(other.comment.id)).toBe('pending')
    const stored = await payload.findByID({ collection: 'readers', id: reader.id })
    expect(stored).toMatchObject({ approvedCount: 0, rejectedCount: 3, hideAllComments: false })
    const spam = await payload.findByID({ collection: 'comments', id: ids[0], depth: 0 })
    expect(spam.moderatedBy).toBe(moderator.id)
  })
})

describe('"Users must be registered and logged in to comment"', () => {
  beforeEach(() => setDiscussion(payload, { requireLogin: true }))

  it('refuses an anonymous form submission and stores nothing', async () => {
    const before = await countAll()
    expect(await submitComment(payload, comment(articleId), sender())).toEqual({
      ok: false,
      errors: [],
      message: MESSAGES.loginRequired,
    })
    expect(await countAll()).toBe(before)
  })

  it('refuses anonymous API submissions (REST and GraphQL)', async () => {
    const before = await countAll()
    expect(
      (await rest('POST', 'comments', { body: { article: articleId, body: 'Via REST', authorName: 'A' } })).status,
    ).toBe(403)
    const gql = await graphql(`mutation { createComment(data: { article: ${articleId}, body: "Via GraphQL" }) { id } }`)
    expect(gql.json.data?.createComment?.id).toBeFalsy()
    expect(await countAll()).toBe(before)
  })

  it("takes a signed-in reader's comment", async () => {
    const reader = await createReader(payload, 'Member')
    expect((await submitComment(payload, asReader(reader.id), sender())).ok).toBe(true)
  })
})

describe('trust: N approved comments, then approved at once unless a rule holds it', () => {
  it.each([
    [1, 0, 'pending'],
    [1, 1, 'approved'],
    [2, 1, 'pending'],
    [2, 2, 'approved'],
  ])(
    'trusted from %i: a reader with %i approved comment(s) gets %s',
    async (trustAfterApproved, approved, expected) => {
      await setDiscussion(payload, { trustAfterApproved })
      const reader = await createReader(payload, 'Regular')
      for (let i = 0; i < approved; i++) {
        const r = await submitComment(payload, asReader(reader.id, { body: `Earlier ${i}` }), sender())
        if (!r.ok) throw new Error('refused')
        await approve(r.comment.id)
        await clearThrottle(payload)
      }
      expect((await payload.findByID({ collection: 'readers', id: reader.id })).approvedCount).toBe(approved)
      const next = await submitComment(payload, asReader(reader.id, { body: 'Now' }), sender())
      expect(next.ok && (await statusOf(next.comment.id))).toBe(expected)
      if (expected !== 'approved') return
      await clearThrottle(payload)
      const linky = await submitComment(
        payload,
        asReader(reader.id, { body: 'See https://a.example and https://b.example' }),
        sender(),
      )
      expect(linky.ok && (await statusOf(linky.comment.id))).toBe('pending')
    },
  )

  it("typing a trusted reader's email into the anonymous form borrows nothing", async () => {
    const reader = await createReader(payload, 'Trusted')
    const r = await submitComment(payload, asReader(reader.id), sender())
    if (!r.ok) throw new Error('refused')
    await approve(r.comment.id)
    const impostor = await submitComment(
      payload,
      comment(articleId, { authorEmail: reader.email, body: 'Me, honest' }),
      sender(),
    )
    expect(impostor.ok && (await statusOf(impostor.comment.id))).toBe('pending')
  })
})

describe('edit and delete within 10 minutes, through the server, never the API', () => {
  const meta = { ip: '192.0.2.9', userAgent: 'Test' }
  const later = (minutes: number) => new Date(Date.now() + minutes * 60_000)

  async function posted(readerId: number, status: 'approved' | 'pending' = 'approved') {
    const r = await submitComment(payload, asReader(readerId, { body: `Original ${Math.random()}` }), sender())
    if (!r.ok) throw new Error('refused')
    if (status === 'approved') await approve(r.comment.id)
    return r.comment.id
  }

  it('an edited approved comment stays approved; one a rule now holds goes back to the queue', async () => {
    const reader = await createReader(payload, 'Editor')
    const id = await posted(reader.id)
    expect(await editOwnComment(payload, reader.id, id, 'Fixed a typo', meta)).toMatchObject({
      ok: true,
      comment: { body: 'Fixed a typo', status: 'approved' },
    })
    await setDiscussion(payload, { moderationWords: 'casino' })
    expect(await editOwnComment(payload, reader.id, id, 'Visit my casino', meta)).toMatchObject({
      ok: true,
      comment: { status: 'pending' },
    })
    const stored = await payload.findByID({ collection: 'comments', id })
    expect((stored.verdict as { hits: { rule: string }[] }).hits.map((h) => h.rule)).toEqual(['moderationWord'])
  })

  it('refuses after the window, another reader, and an empty body', async () => {
    const reader = await createReader(payload, 'Late')
    const other = await createReader(payload, 'Other')
    const id = await posted(reader.id, 'pending')
    expect(await editOwnComment(payload, reader.id, id, 'Too late', meta, later(11))).toEqual({
      ok: false,
      message: MESSAGES.editClosed,
    })
    expect(await deleteOwnComment(payload, reader.id, id, later(11))).toEqual({
      ok: false,
      message: MESSAGES.editClosed,
    })
    expect(await editOwnComment(payload, other.id, id, 'Not mine', meta)).toEqual({
      ok: false,
      message: MESSAGES.notYours,
    })
    expect(await deleteOwnComment(payload, other.id, id)).toEqual({ ok: false, message: MESSAGES.notYours })
    expect(await editOwnComment(payload, reader.id, id, '   ', meta)).toMatchObject({
      ok: false,
      message: MESSAGES.emptyBody,
    })
    expect((await payload.findByID({ collection: 'comments', id })).body).toMatch(/^Original/)
  })

  it("deletes within the window, and the reader's counts follow", async () => {
    const reader = await createReader(payload, 'Deleter')
    const id = await posted(reader.id)
    expect((await payload.findByID({ collection: 'readers', id: reader.id })).approvedCount).toBe(1)
    expect(await deleteOwnComment(payload, reader.id, id)).toEqual({ ok: true })
    expect(await payload.count({ collection: 'comments', where: { id: { equals: id } } })).toEqual({ totalDocs: 0 })
    expect((await payload.findByID({ collection: 'readers', id: reader.id })).approvedCount).toBe(0)
  })

  it("the comments API stays closed to a signed-in reader's session", async () => {
    const reader = await createReader(payload, 'ApiTry')
    const id = await posted(reader.id)
    const { cookie } = await sessionCookie(payload, reader.id)
    expect((await rest('PATCH', `comments/${id}`, { cookie, body: { body: 'via API' } })).status).toBe(403)
    expect((await rest('DELETE', `comments/${id}`, { cookie })).status).toBe(403)
  })
})

describe("what the form learns about the reader's own comments (/comments/mine)", () => {
  it('pending ones, and which they may still edit with the time left', async () => {
    const reader = await createReader(payload, 'Mine')
    const a = await submitComment(payload, asReader(reader.id, { body: 'Mine, waiting' }), sender())
    await clearThrottle(payload)
    const b = await submitComment(payload, asReader(reader.id, { body: 'Mine, approved' }), sender())
    if (!a.ok || !b.ok) throw new Error('refused')
    await approve(b.comment.id)
    const now = await ownCommentsOn(payload, articleId, [], reader.id)
    expect(now.docs.map((d) => d.body)).toEqual(['Mine, waiting'])
    expect(now.editable.map((e) => e.id).sort()).toEqual([a.comment.id, b.comment.id].sort())
    for (const e of now.editable) expect(e.remainingMs).toBeGreaterThan(9 * 60_000)
    const later = await ownCommentsOn(payload, articleId, [], reader.id, new Date(Date.now() + 11 * 60_000))
    expect(later).toMatchObject({ docs: [{ body: 'Mine, waiting' }], editable: [] })
    const someoneElse = await createReader(payload, 'NotMine')
    expect(await ownCommentsOn(payload, articleId, [], someoneElse.id)).toEqual({ docs: [], editable: [] })
  })
})
