import pg from 'pg'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { redirectFor } from '@/lib/renamedSlugs'
import { expireRedirectMap, findRedirect } from '@/lib/redirects'
import { publishedArticle } from '../helpers/comments'
import { startPayload } from '../helpers/payload'

/**
 * #11 F16: what a PostgreSQL restart does to a running server's connections (every backend is
 * terminated, 57P01) must not reach process 'uncaughtException', and queries must work afterwards.
 */
let payload: Payload
let stop: () => Promise<void>
const uncaught: unknown[] = []
const collect = (error: unknown) => uncaught.push(error)

type PoolLike = { idleCount: number; totalCount: number; query: (sql: string) => Promise<unknown> }

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  process.on('uncaughtException', collect)
})
afterAll(async () => {
  process.off('uncaughtException', collect)
  await stop?.()
})

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 25))
  }
}

describe('F16: database connections lost under a running server', () => {
  it('idle connections of both pools die quietly, and both pools serve queries afterwards', async () => {
    const article = await publishedArticle(payload, { slug: `restart-${Date.now()}` })
    const pool = (payload.db as unknown as { pool: PoolLike }).pool
    // Several idle connections in Payload's pool, and the proxy's pool opened.
    await Promise.all(Array.from({ length: 4 }, () => pool.query('select pg_sleep(0.05)')))
    expect(await redirectFor('no-such-slug-anywhere')).toBeUndefined()
    // And the stored-redirects map's pool (lib/redirects.ts), which the import's redirects use.
    expect(await findRedirect('/no-such-old-address/', '')).toBeUndefined()
    expect(pool.idleCount).toBeGreaterThan(0)

    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
    const { rows } = await admin.query<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid()`,
    )
    await admin.end()
    expect(rows[0].n).toBeGreaterThanOrEqual(3)
    // The pool notices each dead idle connection and drops it.
    await until(() => pool.idleCount === 0)
    await new Promise((r) => setTimeout(r, 200))
    expect(uncaught).toEqual([])

    const found = await payload.find({
      collection: 'articles',
      where: { id: { equals: article.id } },
      overrideAccess: true,
    })
    expect(found.docs.map((d) => d.id)).toEqual([article.id])
    // The proxy's lists reload from its pool (a live slug needs no redirect).
    expect(await redirectFor(article.slug ?? '')).toBeUndefined()
    expect(await redirectFor('still-unknown')).toBeUndefined()
    expireRedirectMap()
    expect(await findRedirect('/still-no-such-address/', '')).toBeUndefined()
    expect(uncaught).toEqual([])
  })
})
