import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { siteName } from '@/lib/env.mjs'
import { findCommentPage } from '@/lib/comments/queries'
import { ctx, publishedArticle } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { login, rest } from '../helpers/rest'
import { createStaff, PASSWORD, type Role } from '../helpers/staff'

/** Reply as the publication from /admin (collections/Comments/hooks/staffReply.ts). */
let payload: Payload
let stop: () => Promise<void>
let staff: Record<Role, User>
let articleId: number
let approvedId: number
let pendingId: number
const tokens: Partial<Record<Role, string>> = {}

const reader = (body: string, status: 'approved' | 'pending') =>
  payload.create({
    collection: 'comments',
    data: { article: articleId, body, authorName: 'Reader', authorEmail: 'reader@example.test', status },
    context: ctx,
  })

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  staff = await createStaff(payload)
  for (const role of ['editor', 'moderator', 'admin'] as Role[]) tokens[role] = await login(staff[role].email, PASSWORD)
  articleId = (await publishedArticle(payload)).id
  approvedId = (await reader('Is this story still being updated?', 'approved')).id
  pendingId = (await reader('Waiting for a moderator.', 'pending')).id
})
afterAll(() => stop?.())

describe('a moderator replies as the publication', () => {
  it('is stored approved under the site’s name, on the parent’s article, with who wrote it kept for staff', async () => {
    const made = await rest('POST', 'comments?depth=0', {
      token: tokens.moderator,
      body: {
        parent: approvedId,
        body: 'Yes: we add corrections at the end.',
        byStaff: true,
        authorName: 'Someone else',
        status: 'pending',
      },
    })
    expect(made.status).toBe(201)
    expect(made.json.doc).toMatchObject({
      article: articleId,
      parent: approvedId,
      status: 'approved',
      authorName: siteName(),
      byStaff: true,
      staffAuthor: staff.moderator.id,
      authorEmail: null,
    })

    // On the article page (one SQL query per comment page), with the badge flag; readers' comments without it.
    const page = await findCommentPage(payload, articleId, { page: 1, perPage: 50, order: 'oldest' })
    expect(page.comments.length).toBeGreaterThan(1)
    const reply = page.comments.find((c) => c.id === made.json.doc.id)
    expect(reply).toMatchObject({ byStaff: true, authorName: siteName(), parent: approvedId })
    expect(page.comments.find((c) => c.id === approvedId)?.byStaff).toBe(false)

    // Anonymous readers see the flag, never which staff member wrote it.
    const anonymous = await rest('GET', `comments?depth=0&where[id][equals]=${made.json.doc.id}`)
    expect(anonymous.status, JSON.stringify(anonymous.json)).toBe(200)
    expect(anonymous.json.docs).toHaveLength(1)
    expect(anonymous.json.docs[0].byStaff).toBe(true)
    expect(anonymous.json.docs[0]).not.toHaveProperty('staffAuthor')
  })

  it('a comment a moderator posts without asking stays an ordinary one', async () => {
    const made = await rest('POST', 'comments?depth=0', {
      token: tokens.admin,
      body: { article: articleId, body: 'Plain.', authorName: 'Pat', status: 'approved' },
    })
    expect(made.status).toBe(201)
    expect(made.json.doc).toMatchObject({ byStaff: false, authorName: 'Pat' })
  })

  it.each([
    ['a pending comment', () => ({ parent: pendingId }), 'Approve the comment before replying to it'],
    ['no parent', () => ({ article: articleId }), 'A reply as the publication needs the comment it answers (parent).'],
    ['a comment that does not exist', () => ({ parent: 999_999 }), 'There is no comment 999999 to reply to.'],
  ])('refuses a reply to %s with a 400 and the reason', async (_name, target, message) => {
    const made = await rest('POST', 'comments', {
      token: tokens.moderator,
      body: { ...target(), body: 'Hello', byStaff: true },
    })
    expect(made.status).toBe(400)
    expect(JSON.stringify(made.json)).toContain(message)
  })

  it.each(['editor', 'anonymous'] as const)('%s cannot reply as the publication', async (who) => {
    const auth = who === 'anonymous' ? {} : { token: tokens[who] }
    const made = await rest('POST', 'comments', {
      ...auth,
      body: { parent: approvedId, article: articleId, body: 'Impostor', byStaff: true },
    })
    expect(made.status).toBe(403)
    expect(made.json.errors[0].message).toBe('You are not allowed to perform this action.')
    const { totalDocs } = await payload.count({ collection: 'comments', where: { body: { equals: 'Impostor' } } })
    expect(totalDocs).toBe(0)
  })
})
