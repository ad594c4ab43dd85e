import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OWN_COMMENTS_COOKIE } from '@/lib/comments/identity'
import { isAnonymousRead, readFromPrimaryForAWhile, withReplicaReads } from '@/lib/database/readRouting.mjs'
import { readPoolOf } from '@/lib/sql'
import { startPrimaryAndReplica } from '../servers/postgresReplica.mjs'

// DATABASE_READ_URLS on a real PostgreSQL primary and a streaming replica of it
// (tests/servers/postgresReplica.mjs). The replica's replay is paused to tell the two apart: a read
// that sees the old title came from the replica.
let pair: Awaited<ReturnType<typeof startPrimaryAndReplica>>
let payload: Payload
let stop: () => Promise<void>
let articleId: number
const warnings: string[] = []
const infos: string[] = []

async function onPrimary(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: pair.primaryUrl })
  await client.connect()
  try {
    return await client.query(sql, params)
  } finally {
    await client.end()
  }
}

/** The article's title as Payload's reader query sees it, in an anonymous GET's context or not. */
async function title(anonymous: boolean) {
  const read = () => payload.findByID({ collection: 'articles', id: articleId, overrideAccess: false, depth: 0 })
  return (anonymous ? await withReplicaReads(read) : await read()).title
}
/** The same through raw SQL (lib/sql.ts readPoolOf), as search and archives read. */
async function sqlTitle(anonymous: boolean) {
  const read = () =>
    readPoolOf(payload).query<{ title: string }>('select title from articles where id = $1', [articleId])
  return (anonymous ? await withReplicaReads(read) : await read()).rows[0]?.title
}

beforeAll(async () => {
  pair = await startPrimaryAndReplica()
  // payload.config.ts reads both when it is first imported.
  process.env.DATABASE_URL = pair.primaryUrl
  process.env.DATABASE_READ_URLS = pair.replicaUrl
  const { startPayload } = await import('../helpers/payload')
  const { publishedArticle } = await import('../helpers/comments')
  ;({ payload, stop } = await startPayload())
  const logger = payload.logger as unknown as { warn: (...a: unknown[]) => void; info: (...a: unknown[]) => void }
  const [warn, info] = [logger.warn.bind(logger), logger.info.bind(logger)]
  logger.warn = (...args) => (warnings.push(String(args[0])), warn(...args))
  logger.info = (...args) => (infos.push(String(args[0])), info(...args))
  articleId = (await publishedArticle(payload, { title: 'Replicated title' })).id as number
  await pair.caughtUp()
  await pair.pauseReplay()
  // Changed behind Payload's back, so no write window or tag expiry sends reads to the primary.
  await onPrimary('update articles set title = $1 where id = $2', ['Changed on the primary', articleId])
  await pastWriteWindow()
}, 180_000)

/** Waits out Payload's window after its last write, in which every read goes to the primary. */
async function pastWriteWindow() {
  const db = payload.db as unknown as { lastWriteTimestamp?: number; readReplicasAfterWriteInterval: number }
  const wait = (db.lastWriteTimestamp ?? 0) + db.readReplicasAfterWriteInterval - Date.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 50))
}

afterAll(async () => {
  await stop?.()
  await pair?.stop()
  delete process.env.DATABASE_READ_URLS
})

describe('which requests read from the replica (readRouting.mjs isAnonymousRead, as the launcher applies it)', () => {
  // A server that routes each request as server/launcher.mjs does and answers the article's title
  // as Payload reads it then: the replica's (still 'Replicated title') or the primary's.
  let server: http.Server
  let base = ''
  beforeAll(async () => {
    server = http.createServer(async (req, res) => {
      const anonymous = isAnonymousRead(req)
      const read = () => title(false)
      res.setHeader('x-title', anonymous ? await withReplicaReads(read) : await read())
      res.setHeader('x-anonymous', String(anonymous))
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server?.close(resolve)))

  async function seen(init: RequestInit = {}) {
    const response = await fetch(`${base}/articles/x`, init)
    expect(response.status).toBe(200)
    const read = response.headers.get('x-title')
    expect(read).toBe(response.headers.get('x-anonymous') === 'true' ? 'Replicated title' : 'Changed on the primary')
    return read === 'Replicated title' ? 'replica' : 'primary'
  }
  const withCookie = (cookie: string) => seen({ headers: { cookie } })
  // The cookies that make an answer personal, by the names the app sets them under.
  const personal = () => [
    `${payload.config.cookiePrefix}-token`, // a staff session (Payload)
    '__prerender_bypass', // draft mode (an editor's preview)
    'next-auth.session-token', // a signed-in reader (Auth.js over http)
    '__Secure-next-auth.session-token', // the same over https
    OWN_COMMENTS_COOKIE, // the commenter's own comments awaiting moderation
  ]

  it('an anonymous GET or HEAD reads from the replica, also with cookies that are not personal', async () => {
    expect(await seen()).toBe('replica')
    expect(await seen({ method: 'HEAD' })).toBe('replica')
    expect(await withCookie('byline_commenter=Ann; theme=dark')).toBe('replica')
    // A cookie whose name only contains a personal one, or whose value names one, is not it.
    for (const name of personal()) {
      expect(await withCookie(`my-${name}=1`), `my-${name}`).toBe('replica')
      expect(await withCookie(`${name}-old=1`), `${name}-old`).toBe('replica')
      expect(await withCookie(`note=${name}`), `value ${name}`).toBe('replica')
    }
  })

  it('each personal cookie reads from the primary: alone, among others, or empty', async () => {
    expect(personal()).toContain('payload-token')
    expect(personal()).toContain('byline_own_comments')
    for (const name of personal()) {
      expect(await withCookie(`${name}=abc`), name).toBe('primary')
      expect(await withCookie(`theme=dark;  ${name}=abc; lang=en`), `${name} among others`).toBe('primary')
      expect(await withCookie(`${name}=`), `${name} empty`).toBe('primary')
    }
  })

  it('an Authorization header, a server action or any method but GET and HEAD reads from the primary', async () => {
    expect(await seen({ headers: { authorization: 'JWT abc' } })).toBe('primary')
    expect(await seen({ headers: { authorization: 'users API-Key abc' } })).toBe('primary')
    expect(await seen({ headers: { 'next-action': '7f00' } })).toBe('primary')
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
      expect(await seen({ method, body: method === 'OPTIONS' ? undefined : '{}' }), method).toBe('primary')
  })
})

describe('DATABASE_READ_URLS', () => {
  it("an anonymous reader's reads go to the replica, through Payload and through raw SQL", async () => {
    expect(await title(true)).toBe('Replicated title')
    expect(await sqlTitle(true)).toBe('Replicated title')
  })

  it("every other read (staff, the admin, a commenter's own comments, jobs) goes to the primary", async () => {
    expect(await title(false)).toBe('Changed on the primary')
    expect(await sqlTitle(false)).toBe('Changed on the primary')
  })

  it('for a moment after a change is heard of, anonymous reads go to the primary too', async () => {
    readFromPrimaryForAWhile()
    expect(await title(true)).toBe('Changed on the primary')
    expect(await sqlTitle(true)).toBe('Changed on the primary')
  })

  it("within Payload's window after its own write, anonymous reads go to the primary", async () => {
    await payload.update({
      collection: 'articles',
      id: articleId,
      data: { title: 'Written through Payload' },
      context: { disableRevalidate: true },
    })
    expect(await title(true)).toBe('Written through Payload')
    await pastWriteWindow()
    expect(await title(true)).toBe('Replicated title')
  })

  it('the replica stopped: reads go to the primary, with one warning; it is used again once it answers', async () => {
    await pair.resumeReplay()
    await pair.caughtUp()
    const before = warnings.length
    await pair.stopReplica()
    for (let i = 0; i < 5; i++) {
      expect(await title(true)).toBe('Written through Payload')
      expect(await sqlTitle(true)).toBe('Written through Payload')
    }
    const lost = warnings.slice(before).filter((w) => w.includes('read replica'))
    expect(lost).toHaveLength(1)
    expect(lost[0]).toMatch(/cannot be reached.*reads go to the primary/)

    await pair.startReplica()
    await expect
      .poll(() => infos.some((i) => i.includes('answers again')), { timeout: 15_000, interval: 200 })
      .toBe(true)
    // The replica answers with its own data again: pause it, change the primary, read the old.
    await pair.caughtUp()
    await pair.pauseReplay()
    await onPrimary('update articles set title = $1 where id = $2', ['Changed again', articleId])
    expect(await sqlTitle(true)).toBe('Written through Payload')
    expect(await sqlTitle(false)).toBe('Changed again')
    await pair.resumeReplay()
  }, 60_000)
})
