import config from '@payload-config'
import { GRAPHQL_POST, REST_GET } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { limitAnonymousApi } from '@/lib/security/anonymousApi'
import { launcherAddressHeaders } from '@/lib/security/clientAddress'
import { LIMITS } from '@/lib/security/rateLimits'
import { startPayload } from '../helpers/payload'
import { login } from '../helpers/rest'
import { createStaff, PASSWORD } from '../helpers/staff'

/** #11: anonymous API traffic has a per-address budget in PostgreSQL; staff and files are not limited. */
const BUDGET = 5
let payload: Payload
let stop: () => Promise<void>
let token: string
const get = limitAnonymousApi(REST_GET(config))
const graphqlPost = limitAnonymousApi(GRAPHQL_POST(config))

function call(path: string, ip: string, headers: Record<string, string> = {}) {
  const url = new URL(`http://localhost/api/${path}`)
  const request = new Request(url, { headers: { ...launcherAddressHeaders(ip), ...headers } })
  return get(request, { params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }) })
}

beforeAll(async () => {
  // A small budget for the test (the server's default is BYLINE_API_RATE_PER_MINUTE, 600 a minute).
  LIMITS.anonymousApi.points = BUDGET
  ;({ payload, stop } = await startPayload())
  const staff = await createStaff(payload)
  token = await login(staff.editor.email, PASSWORD)
})
afterAll(() => stop?.())

describe('anonymous API rate limit', () => {
  it('an address gets its budget, then 429 with Retry-After; another address is not affected', async () => {
    for (let i = 0; i < BUDGET; i++) expect((await call('articles?limit=1', '192.0.2.10')).status).toBe(200)
    const refused = await call('articles?limit=1', '192.0.2.10')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/Too many requests/)
    expect((await call('articles?limit=1', '192.0.2.11')).status).toBe(200)
  })

  it('the budget is shared by REST and GraphQL, and kept in PostgreSQL', async () => {
    const ip = '192.0.2.12'
    for (let i = 0; i < BUDGET; i++) expect((await call('categories?limit=1', ip)).status).toBe(200)
    const request = new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...launcherAddressHeaders(ip) },
      body: JSON.stringify({ query: '{ Articles(limit: 1) { totalDocs } }' }),
    })
    expect((await graphqlPost(request, undefined as never)).status).toBe(429)
    const pool = (
      payload.db as unknown as { pool: { query: (s: string, p: unknown[]) => Promise<{ rows: { points: number }[] }> } }
    ).pool
    const { rows } = await pool.query('select points from rate_limits where key = $1', [`anonymousApi:${ip}`])
    expect(rows[0].points).toBeGreaterThan(BUDGET)
  })

  it('staff are not limited, and a made-up session cookie does not dodge the limit', async () => {
    const ip = '192.0.2.13'
    for (let i = 0; i < BUDGET + 3; i++)
      expect((await call('articles?limit=1', ip, { Authorization: `JWT ${token}` })).status).toBe(200)
    for (let i = 0; i < BUDGET; i++)
      expect((await call('articles?limit=1', ip, { Cookie: 'payload-token=made-up' })).status).toBe(200)
    expect((await call('articles?limit=1', ip, { Cookie: 'payload-token=made-up' })).status).toBe(429)
  })

  it('uploaded files (what article pages load) are not counted', async () => {
    const ip = '192.0.2.14'
    for (let i = 0; i < BUDGET + 3; i++) expect((await call('media/file/none.png', ip)).status).toBe(404)
    expect((await call('articles?limit=1', ip)).status).toBe(200)
  })
})
