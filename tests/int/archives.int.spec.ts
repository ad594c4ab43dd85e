import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { findAuthorArticles, findAuthorBySlug, findPublishedTags, findTagArticles } from '@/lib/archives'
import { ctx, publishedArticle } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { graphql, login, rest } from '../helpers/rest'
import { sqlOf } from '../helpers/sql'
import { createStaff, PASSWORD, type Role } from '../helpers/staff'

/** What an author or tag page costs the database when nothing is cached (their loaders). */
const MAX_QUERIES = 6

let payload: Payload
let stop: () => Promise<void>
let staff: Record<Role, User>
let writer: User
let draftOnly: User
const tokens: Partial<Record<Role, string>> = {}
let beforeAnyAuthor: { local: unknown[]; rest: { status: number; json: { docs?: unknown[] } }; author: unknown }

const makeUser = (name: string, extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'users',
    data: {
      email: `${Math.random().toString(36).slice(2)}@example.test`,
      name,
      roles: ['editor'],
      password: PASSWORD,
      ...extra,
    },
    overrideAccess: true,
    context: ctx,
  })

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  staff = await createStaff(payload)
  for (const role of ['editor', 'moderator', 'admin'] as Role[]) tokens[role] = await login(staff[role].email, PASSWORD)
  writer = await makeUser('Ada Lovelace', { bio: 'Writes about engines.' })
  draftOnly = await makeUser('Draft Writer')
  // Nothing published yet: what a reader's reads of users give on a new site.
  beforeAnyAuthor = {
    local: (await payload.find({ collection: 'users', overrideAccess: false, depth: 0 })).docs,
    rest: await rest('GET', 'users?depth=0'),
    author: await findAuthorBySlug(payload, writer.slug!),
  }
  for (let i = 0; i < 12; i++) {
    await publishedArticle(payload, {
      title: `Engine note ${i}`,
      authors: [writer.id],
      tags: i % 2 ? ['Space Station', 'engines'] : ['space station'],
    })
  }
  await payload.create({
    collection: 'articles',
    data: { title: 'Unpublished', authors: [draftOnly.id], tags: ['secret-tag'], _status: 'draft' },
    context: ctx,
  })
  await publishedArticle(payload, {
    title: 'Scheduled',
    authors: [draftOnly.id],
    tags: ['future-tag'],
    publishedAt: new Date(Date.now() + 86_400_000).toISOString(),
  })
})
afterAll(() => stop?.())

describe('a site with no published author yet', () => {
  it("a reader's read of users finds nobody instead of failing (the sitemap and author pages read it)", () => {
    expect(beforeAnyAuthor.rest.status).toBe(200)
    expect(beforeAnyAuthor.rest.json.docs).toEqual([])
    expect(beforeAnyAuthor.local).toEqual([])
    expect(beforeAnyAuthor.author).toBeNull()
  })
})

describe('staff accounts get an author slug', () => {
  it('made from the name, and unique between namesakes', async () => {
    expect(writer.slug).toBe('ada-lovelace')
    const twin = await makeUser('Ada Lovelace')
    const third = await makeUser('Ada  LOVELACE!')
    expect([twin.slug, third.slug]).toEqual(['ada-lovelace-2', 'ada-lovelace-3'])
  })

  it('a typed slug is normalised; one already taken is refused with a message', async () => {
    const typed = await makeUser('Someone', { slug: 'The Real Someone' })
    expect(typed.slug).toBe('the-real-someone')
    await expect(makeUser('Other', { slug: 'ada-lovelace' })).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ path: 'slug', message: expect.stringMatching(/already used/) })] },
    })
  })

  it('renaming keeps the slug (the author page address stays)', async () => {
    const u = await makeUser('Temporary Name')
    const renamed = await payload.update({
      collection: 'users',
      id: u.id,
      data: { name: 'Permanent Name' },
      overrideAccess: true,
      context: ctx,
    })
    expect(renamed.slug).toBe('temporary-name')
  })
})

describe('readers see authors of published articles, and only their public profile', () => {
  it('anonymous Local API: authors of published articles only, no email or roles', async () => {
    const { docs } = await payload.find({ collection: 'users', overrideAccess: false, pagination: false })
    expect(docs.map((d) => d.id)).toEqual([writer.id])
    expect(docs[0]).toMatchObject({ name: 'Ada Lovelace', slug: 'ada-lovelace', bio: 'Writes about engines.' })
    expect(docs[0]).not.toHaveProperty('email')
    expect(docs[0]).not.toHaveProperty('roles')
  })

  it('anonymous REST and GraphQL: the same, and email can be neither read nor queried', async () => {
    const list = await rest('GET', 'users?limit=100')
    expect(list.status).toBe(200)
    expect(list.json.docs.map((d: User) => d.id)).toEqual([writer.id])
    expect(list.json.docs[0].email).toBeUndefined()
    expect(list.json.docs[0].roles).toBeUndefined()
    const byEmail = await rest('GET', `users?where[email][equals]=${encodeURIComponent(writer.email)}`)
    expect(byEmail.status).toBe(400)
    expect(JSON.stringify(byEmail.json)).not.toContain(writer.email)
    expect((await rest('GET', `users/${draftOnly.id}`)).status).toBe(404)
    const gql = await graphql('{ Users(limit: 100) { docs { id name slug } } }')
    expect(gql.json.data?.Users.docs.map((d: { id: number }) => d.id)).toEqual([writer.id])
    const gqlEmail = await graphql('{ Users(limit: 100) { docs { id email roles } } }')
    expect(gqlEmail.json.data?.Users.docs[0]).toEqual({ id: writer.id, email: null, roles: null })
  })

  it('staff: admins and moderators see every account with emails; an editor sees only themselves', async () => {
    for (const role of ['admin', 'moderator'] as Role[]) {
      const { status, json } = await rest('GET', 'users?limit=100', { token: tokens[role] })
      expect(status).toBe(200)
      expect(json.docs.length).toBeGreaterThan(4)
      expect(json.docs.find((d: User) => d.id === draftOnly.id)?.email).toBe(draftOnly.email)
    }
    const editor = await rest('GET', 'users?limit=100', { token: tokens.editor })
    expect(editor.json.docs.map((d: User) => d.id)).toEqual([staff.editor.id])
    expect(editor.json.docs[0].email).toBe(staff.editor.email)
  })
})

describe('author pages', () => {
  it('an author of published articles, with their articles newest first, ten a page', async () => {
    const author = await findAuthorBySlug(payload, 'ada-lovelace')
    expect(author).toMatchObject({ id: writer.id, name: 'Ada Lovelace', bio: 'Writes about engines.', photo: null })
    const page1 = await findAuthorArticles(writer.id, 1)
    expect(page1.totalDocs).toBe(12)
    expect(page1.docs[0].title).toBe('Engine note 11')
    expect((await findAuthorArticles(writer.id, 2)).docs).toHaveLength(2)
  })

  it('no page for accounts without published articles, or unknown slugs', async () => {
    expect(await findAuthorBySlug(payload, draftOnly.slug!)).toBeNull()
    expect(await findAuthorBySlug(payload, staff.admin.slug!)).toBeNull()
    expect(await findAuthorBySlug(payload, 'nobody-here')).toBeNull()
  })

  it('costs a bounded number of SQL queries', async () => {
    const { result, sql } = await sqlOf(async () => {
      const author = await findAuthorBySlug(payload, 'ada-lovelace')
      return findAuthorArticles(author!.id, 1)
    })
    expect(result.docs).toHaveLength(10)
    expect(sql.length, sql.join('\n\n')).toBeLessThanOrEqual(MAX_QUERIES)
  })
})

describe('tag pages', () => {
  it('tags of published articles by slug; spellings sharing a slug share a page', async () => {
    const tags = await findPublishedTags(payload)
    expect(tags.get('space-station')?.sort()).toEqual(['Space Station', 'space station'])
    expect(tags.get('engines')).toEqual(['engines'])
    expect(tags.has('secret-tag')).toBe(false)
    expect(tags.has('future-tag')).toBe(false)
  })

  it('lists every article with any spelling of the tag, paginated', async () => {
    const texts = (await findPublishedTags(payload)).get('space-station')!
    const page1 = await findTagArticles(texts, 1)
    expect(page1.totalDocs).toBe(12)
    expect(page1.docs).toHaveLength(10)
    expect((await findTagArticles(['engines'], 1)).totalDocs).toBe(6)
  })

  it('costs a bounded number of SQL queries', async () => {
    const { result, sql } = await sqlOf(async () => {
      const texts = (await findPublishedTags(payload)).get('space-station')!
      return findTagArticles(texts, 1)
    })
    expect(result.docs).toHaveLength(10)
    expect(sql.length, sql.join('\n\n')).toBeLessThanOrEqual(MAX_QUERIES)
  })
})
