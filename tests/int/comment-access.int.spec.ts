import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Comment, User } from '@/payload-types'
import { ctx, publishedArticle } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { graphql, login, rest } from '../helpers/rest'
import { createStaff, PASSWORD, type Role } from '../helpers/staff'

type Who = 'anonymous' | Role
const WHO: Who[] = ['anonymous', 'editor', 'moderator', 'admin']
const PRIVATE = ['authorEmail', 'ip', 'ipHash', 'userAgent', 'verdict', 'moderatedBy']
/** Who wrote a comment and from where: moderators and admins only (#11 F12). */
const PERSONAL = ['authorEmail', 'ip', 'userAgent']

let payload: Payload
let stop: () => Promise<void>
let staff: Record<Role, User>
const tokens: Partial<Record<Who, string>> = {}
let articleId: number
let approved: Comment
let pending: Comment

const userOf = (who: Who) => (who === 'anonymous' ? undefined : staff[who])
const isStaff = (who: Who) => who !== 'anonymous'
const mayModerate = (who: Who) => who === 'moderator' || who === 'admin'

const make = (data: Partial<Comment>) =>
  payload.create({
    collection: 'comments',
    data: {
      article: articleId,
      body: 'Hello',
      authorName: 'Ann',
      authorEmail: 'ann@example.test',
      ip: '192.0.2.0',
      ipHash: 'h',
      userAgent: 'UA',
      verdict: { score: 5, hits: [] },
      status: 'approved',
      ...data,
    },
    context: ctx,
  })

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  staff = await createStaff(payload)
  for (const role of ['editor', 'moderator', 'admin'] as Role[]) tokens[role] = await login(staff[role].email, PASSWORD)
  articleId = (await publishedArticle(payload)).id
  approved = await make({ body: 'Approved words' })
  pending = await make({ body: 'Pending words', status: 'pending' })
})
afterAll(() => stop?.())

describe('read', () => {
  it.each(WHO)('%s: Local API (overrideAccess false) shows pending and private fields only to staff', async (who) => {
    const { docs } = await payload.find({ collection: 'comments', overrideAccess: false, user: userOf(who) })
    expect(docs.map((d) => d.body).sort()).toEqual(
      isStaff(who) ? ['Approved words', 'Pending words'] : ['Approved words'],
    )
    const doc = docs.find((d) => d.id === approved.id) as unknown as Record<string, unknown>
    for (const field of PRIVATE)
      expect(doc[field] !== undefined && doc[field] !== null, field).toBe(
        (PERSONAL.includes(field) ? mayModerate(who) : isStaff(who)) && field !== 'ipHash' && field !== 'moderatedBy',
      )
  })

  it.each(WHO)('%s: REST', async (who) => {
    const list = await rest('GET', 'comments?limit=50', { token: tokens[who] })
    expect(list.status).toBe(200)
    expect(list.json.docs.length).toBe(isStaff(who) ? 2 : 1)
    expect(JSON.stringify(list.json).includes('ann@example.test')).toBe(mayModerate(who))
    expect(JSON.stringify(list.json)).not.toContain('"ipHash"')
    const one = await rest('GET', `comments/${pending.id}`, { token: tokens[who] })
    expect(one.status).toBe(isStaff(who) ? 200 : 404)
  })

  it.each(WHO)('%s: GraphQL', async (who) => {
    const { json } = await graphql('{ Comments { docs { body authorEmail userAgent ip } } }', { token: tokens[who] })
    expect(json.errors).toBeUndefined()
    const docs = json.data.Comments.docs
    expect(docs.map((d: Comment) => d.body).sort()).toEqual(
      isStaff(who) ? ['Approved words', 'Pending words'] : ['Approved words'],
    )
    expect(JSON.stringify(docs).includes('ann@example.test')).toBe(mayModerate(who))
  })
})

describe('create', () => {
  it.each(WHO)(
    '%s: REST and GraphQL create only for moderators and admins; nobody else sets status or verdict',
    async (who) => {
      const before = await payload.count({ collection: 'comments' })
      const body = {
        article: articleId,
        body: `By ${who}`,
        authorName: 'X',
        status: 'approved',
        verdict: { score: -100 },
      }
      const viaRest = await rest('POST', 'comments', { token: tokens[who], body })
      expect(viaRest.status).toBe(mayModerate(who) ? 201 : 403)
      const viaGql = await graphql(
        `mutation { createComment(data: { article: ${articleId}, body: "Gql ${who}", status: approved }) { id } }`,
        { token: tokens[who] },
      )
      expect(Boolean(viaGql.json.data?.createComment?.id)).toBe(mayModerate(who))
      const after = await payload.count({ collection: 'comments' })
      expect(after.totalDocs - before.totalDocs).toBe(mayModerate(who) ? 2 : 0)
    },
  )

  it.each(WHO)('%s: Local API with overrideAccess false', async (who) => {
    const attempt = payload.create({
      collection: 'comments',
      overrideAccess: false,
      user: userOf(who),
      data: { article: articleId, body: `Local ${who}`, status: 'approved' },
      context: ctx,
    })
    if (mayModerate(who)) await expect(attempt).resolves.toBeTruthy()
    else await expect(attempt).rejects.toThrow(/not allowed/i)
  })
})

describe('update and delete', () => {
  it.each(WHO)('%s: approve over REST and GraphQL only if a moderator or admin', async (who) => {
    const target = await make({ status: 'pending', body: `Queue ${who}` })
    const patch = await rest('PATCH', `comments/${target.id}`, { token: tokens[who], body: { status: 'approved' } })
    expect(patch.status).toBe(mayModerate(who) ? 200 : 403)
    const stored = await payload.findByID({ collection: 'comments', id: target.id })
    expect(stored.status).toBe(mayModerate(who) ? 'approved' : 'pending')
    if (mayModerate(who)) {
      expect(stored.moderatedBy).toMatchObject({ id: staff[who as Role].id })
      expect(stored.moderatedAt).toBeTruthy()
    }
    const gql = await graphql(`mutation { updateComment(id: ${target.id}, data: { status: spam }) { status } }`, {
      token: tokens[who],
    })
    expect(gql.json.data?.updateComment?.status === 'spam').toBe(mayModerate(who))
  })

  it.each(WHO)(
    '%s: undo of a bulk action (components/admin/decisions.ts) only if a moderator or admin, and only where the status is still the one it gave',
    async (who) => {
      // As after a bulk approve of two comments, one of which someone has since trashed.
      const a = await make({ body: `Undo a ${who}` })
      const b = await make({ body: `Undo b ${who}`, status: 'trash' })
      const where = `where[and][0][id][in][0]=${a.id}&where[and][0][id][in][1]=${b.id}&where[and][1][status][equals]=approved`
      const undo = await rest('PATCH', `comments?${where}`, { token: tokens[who], body: { status: 'pending' } })
      expect(undo.status).toBe(mayModerate(who) ? 200 : 403)
      if (mayModerate(who)) expect(undo.json.docs.map((d: Comment) => d.id)).toEqual([a.id])
      const stored = await payload.find({
        collection: 'comments',
        where: { id: { in: [a.id, b.id] } },
        sort: 'id',
        depth: 0,
      })
      expect(stored.docs.map((d) => d.status)).toEqual([mayModerate(who) ? 'pending' : 'approved', 'trash'])
    },
  )

  it.each(WHO)('%s: delete only if a moderator or admin (REST and Local API)', async (who) => {
    const a = await make({ body: `Del ${who}` })
    const del = await rest('DELETE', `comments/${a.id}`, { token: tokens[who] })
    expect(del.status).toBe(mayModerate(who) ? 200 : 403)
    const b = await make({ body: `Del2 ${who}` })
    const local = payload.delete({
      collection: 'comments',
      id: b.id,
      overrideAccess: false,
      user: userOf(who),
      context: ctx,
    })
    if (mayModerate(who)) await expect(local).resolves.toBeTruthy()
    else await expect(local).rejects.toThrow(/not allowed/i)
  })

  it("nobody changes a comment's private fields or article over the API", async () => {
    const patch = await rest('PATCH', `comments/${approved.id}`, {
      token: tokens.admin,
      body: { ip: '1.2.3.4', verdict: { score: 0 }, article: 999 },
    })
    expect(patch.status).toBe(200)
    const stored = await payload.findByID({ collection: 'comments', id: approved.id, depth: 0 })
    expect(stored.ip).toBe('192.0.2.0')
    expect(stored.article).toBe(articleId)
  })
})
