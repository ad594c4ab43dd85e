import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { DEFAULT_MAX_LIMIT, MAX_PUBLIC_DEPTH } from '@/lib/security/boundedReads'
import { publishedArticle } from '../helpers/comments'
import { startPayload } from '../helpers/payload'
import { graphql, login, rest } from '../helpers/rest'
import { createStaff, PASSWORD, type Role } from '../helpers/staff'

/**
 * #11 F1, F2, F5: what one request from outside may cost, and that bad input is a 4xx, never a 500.
 * Everything goes through Payload's real REST and GraphQL route handlers.
 */
let payload: Payload
let stop: () => Promise<void>
let staff: Record<Role, User>
const tokens: Partial<Record<Role, string>> = {}
let articleId: number
const CATEGORIES = DEFAULT_MAX_LIMIT + 5

/** GraphQL answers 200 with `errors` (and no `data` when validation refused the query). */
async function refusedGraphql(query: string, variables?: Record<string, unknown>) {
  const { status, json } = await graphql(query, { variables })
  const body = json as unknown
  return {
    status,
    errors: Array.isArray(body) ? (body as { message: string }[]) : (json.errors ?? []),
    data: Array.isArray(body) ? undefined : json.data,
  }
}

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  staff = await createStaff(payload)
  for (const role of ['editor', 'admin'] as Role[]) tokens[role] = await login(staff[role].email, PASSWORD)
  articleId = (await publishedArticle(payload)).id
  const pool = (payload.db as unknown as { pool: { query: (sql: string) => Promise<unknown> } }).pool
  // More rows than one page may hold, written in one statement.
  await pool.query(
    `insert into categories (title, slug, updated_at, created_at)
     select 'Category ' || n, 'category-' || n, now(), now() from generate_series(1, ${CATEGORIES}) n`,
  )
})
afterAll(() => stop?.())

describe('F1: REST reads are bounded for callers who are not staff', () => {
  it('a page without a limit has the default size, and a limit up to the maximum is served', async () => {
    const plain = await rest('GET', 'categories')
    expect(plain.status).toBe(200)
    expect(plain.json.totalDocs).toBe(CATEGORIES)
    expect(plain.json.docs).toHaveLength(10)
    const max = await rest('GET', `categories?limit=${DEFAULT_MAX_LIMIT}`)
    expect(max.status).toBe(200)
    expect(max.json.docs).toHaveLength(DEFAULT_MAX_LIMIT)
  })

  it.each([
    ['limit=100000', /limit must be a whole number from 1 to 100/],
    [`limit=${DEFAULT_MAX_LIMIT + 1}`, /limit must be/],
    ['limit=0', /limit must be/],
    ['limit=-1', /limit must be/],
    ['limit=abc', /limit must be/],
    ['limit=2.5', /limit must be/],
    ['pagination=false', /pagination=false is not allowed/],
    [`depth=${MAX_PUBLIC_DEPTH + 1}`, /depth must be a whole number from 0 to 2/],
    ['depth=-1', /depth must be/],
  ])('anonymous GET /api/categories?%s answers 400 with a short reason', async (query, reason) => {
    const { status, json } = await rest('GET', `categories?${query}`)
    expect(status).toBe(400)
    expect(json.errors[0].message).toMatch(reason)
  })

  it('the same bound holds on every public collection and on a single document', async () => {
    for (const collection of ['articles', 'comments', 'media', 'categories']) {
      const { status } = await rest('GET', `${collection}?limit=100000`)
      expect(status, collection).toBe(400)
    }
    const one = await rest('GET', `articles/${articleId}?depth=10`)
    expect(one.status).toBe(400)
    const ok = await rest('GET', `articles/${articleId}?depth=1`)
    expect(ok.status).toBe(200)
  })

  it('staff keep the whole list (the admin asks for large pages)', async () => {
    const all = await rest('GET', 'categories?limit=0', { token: tokens.editor })
    expect(all.status).toBe(200)
    expect(all.json.docs).toHaveLength(CATEGORIES)
  })
})

describe('F2: GraphQL cost counts limit and aliases', () => {
  it('an ordinary page of articles is answered', async () => {
    const { json } = await graphql('{ Articles(limit: 50) { docs { id title slug } totalDocs } }')
    expect(json.errors).toBeUndefined()
    expect(json.data.Articles.docs.length).toBeGreaterThan(0)
  })

  it('limit: 100000 is refused before any query runs', async () => {
    const { status, errors, data } = await refusedGraphql('{ Categories(limit: 100000) { docs { id title } } }')
    expect(status).toBe(200)
    expect(data).toBeUndefined()
    expect(errors[0].message).toMatch(/Query too expensive/)
  })

  it('limit: 0 and pagination: false (every row) are refused', async () => {
    for (const args of ['limit: 0', 'pagination: false', 'limit: -1']) {
      const { data, errors } = await refusedGraphql(`{ Categories(${args}) { docs { id } } }`)
      expect(data, args).toBeUndefined()
      expect(errors[0].message, args).toMatch(/Query too expensive/)
    }
  })

  it('200 aliases of one list query are refused', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: Articles(limit: 100) { docs { title } }`).join('\n')
    const first = await refusedGraphql(`{ ${aliases} }`)
    expect(first.data).toBeUndefined()
    expect(first.errors[0].message).toMatch(/Query too expensive/)
    const small = Array.from({ length: 200 }, (_, i) => `a${i}: Articles { docs { title } }`).join('\n')
    const second = await refusedGraphql(`{ ${small} }`)
    expect(second.data).toBeUndefined()
    expect(second.errors[0].message).toMatch(/Query too expensive/)
  })

  it('a limit passed as a variable counts the same', async () => {
    const { data, errors } = await refusedGraphql('query ($n: Int) { Categories(limit: $n) { docs { id } } }', {
      n: 100000,
    })
    expect(data).toBeUndefined()
    expect(errors[0].message).toMatch(/Query too expensive/)
  })

  it('the resolver also refuses a limit over the page maximum to callers who are not staff', async () => {
    const { json } = await graphql(`{ Categories(limit: ${DEFAULT_MAX_LIMIT + 1}) { docs { id } } }`)
    expect(json.data?.Categories ?? null).toBeNull()
    expect(json.errors?.[0].message).toMatch(/limit must be/)
  })
})

describe('F5: bad input answers 400 or 404 with a short message, never 500', () => {
  const REST: [string, number][] = [
    ['articles/abc', 404],
    ['articles/1.5', 404],
    ['articles/99999999999', 404],
    ['articles/undefined', 404],
    ['articles/-1', 404],
    ['comments/abc', 404],
    ['categories/%00', 404],
    ['media/abc', 404],
    ['articles?where[id][in]=1,abc', 400],
    ['articles?where[id][equals]=abc', 200],
    ['comments?where[article][equals]=abc', 400],
    ['articles?where[publishedAt][greater_than]=not-a-date', 200],
    ['articles?where[title][near]=1,2', 400],
    ['articles?where[id][near]=1,2,3', 400],
    ['articles?where={broken', 400],
    ['articles?page=-1', 400],
    ['articles?page=0', 400],
    ['articles?page=abc', 400],
    ['articles?sort=nonexistent', 200],
    ['media/file/nope.png', 404],
    ['media/file/..%2F..%2Fpackage.json', 404],
  ]

  it.each(REST)('GET /api/%s answers %i', async (path, expected) => {
    const { status, json } = await rest('GET', path)
    expect(status).toBe(expected)
    expect(typeof json === 'object' && json !== null).toBe(true)
    if (expected === 200) expect(Array.isArray(json.docs)).toBe(true)
    else expect(json.errors[0].message.length).toBeLessThan(120)
  })

  it.each([
    ['PATCH', 'comments/abc'],
    ['DELETE', 'comments/99999999999'],
  ] as const)('%s /api/%s as a moderator answers 404', async (method, path) => {
    const token = tokens.admin
    const { status } = await rest(method, path, {
      token,
      body: method === 'PATCH' ? { status: 'approved' } : undefined,
    })
    expect(status).toBe(404)
  })

  const GRAPHQL = [
    '{ Article(id: 99999999999) { title } }',
    '{ Article(id: -1) { title } }',
    '{ Articles(where: { id: { in: [1, 99999999999] } }) { docs { id } } }',
    '{ Articles(page: -1) { docs { id } } }',
    '{ Articles(where: { publishedAt: { greater_than: "not-a-date" } }) { docs { id } } }',
    '{ Comments(where: { article: { equals: 99999999999 } }) { docs { id } } }',
  ]

  it.each(GRAPHQL)('GraphQL %s answers with an error and no server error', async (query) => {
    const { status, errors } = await refusedGraphql(query)
    expect([200, 400]).toContain(status)
    expect(errors.length).toBeGreaterThan(0)
    for (const error of errors) expect(error.message).not.toMatch(/something went wrong|internal/i)
  })
})
