import pg from 'pg'
import { createClient } from 'redis'

import { lexical } from '@/lib/lexical'
import { commentPost, formFields } from '../../scripts/bench/load.mjs'

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run \`npm run test:scale\` (scripts/scale.mjs)`)
  return value
}

export const A = required('SCALE_A')
export const B = required('SCALE_B')
export const LB = required('SCALE_LB')
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export const db = () => new pg.Client({ connectionString: required('SCALE_DATABASE_URL') })

/** A connected client of the server at `url` (the replica, say). */
export async function connected(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  client.on('error', () => {})
  await client.connect()
  return client
}

export const ADMIN = { email: 'scale-admin@byline.test', password: 'scale-admin-password-9d1e', name: 'Scale Admin' }

/** The site's first user (an admin), made through first-register; resolves a JWT. */
export async function adminToken(base: string): Promise<string> {
  await fetch(`${base}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...ADMIN, 'confirm-password': ADMIN.password }),
  })
  const response = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  })
  if (response.status !== 200) throw new Error(`login: ${response.status} ${await response.text()}`)
  return (await response.json()).token
}

/** A staff session cookie (payload-token=…) made by signing in via `base`, as a browser keeps it. */
export async function staffCookie(base: string): Promise<{ cookie: string; jwt: string }> {
  const login = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  })
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`)
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('payload-token='))
    ?.split(';')[0]
  if (!cookie) throw new Error(`login set no payload-token cookie: ${login.headers.getSetCookie()}`)
  return { cookie, jwt: (await login.json()).token }
}

export const slugFor = (name: string) =>
  `scale-${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

export async function api(base: string, token: string, method: string, path: string, data?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: data === undefined ? undefined : JSON.stringify(data),
  })
  const text = await response.text()
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return JSON.parse(text)
}

export async function publish(
  base: string,
  token: string,
  title: string,
  slug: string,
  extra: Record<string, unknown> = {},
) {
  const { doc } = await api(base, token, 'POST', '/api/articles', {
    title,
    slug,
    _status: 'published',
    content: lexical([{ p: `${title}: body text.` }]),
    ...extra,
  })
  return doc as { id: number; slug: string }
}

export async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity', ...headers }, redirect: 'manual' })
  return {
    status: response.status,
    copy: response.headers.get('x-byline-cache') === 'HIT',
    body: await response.text(),
  }
}

/** Requests `url` until the launcher answers it from its page copy (at most `tries` times). */
export async function warm(url: string, tries = 8) {
  for (let i = 0; i < tries; i++) {
    const r = await get(url)
    if (r.status !== 200) throw new Error(`GET ${url}: ${r.status}`)
    if (r.copy) return r
  }
  throw new Error(`GET ${url} never came from the page copy`)
}

/**
 * Polls until `check` passes (returns true), every 20 ms. Resolves when the passing check was sent
 * (ms after the call): how stale the site still was, not how long the machine took to render the
 * fresh page. Throws if no check sent within `ms` passes, with what the last one saw when it
 * returned a description instead of false.
 */
export async function within(ms: number, what: string, check: () => Promise<boolean | string>) {
  const started = Date.now()
  let seen: string | boolean = false
  while (Date.now() - started < ms) {
    const sent = Date.now() - started
    seen = await check()
    if (seen === true) return sent
    await sleep(20)
  }
  throw new Error(`${what}: not within ${ms} ms${typeof seen === 'string' ? ` (last seen: ${seen})` : ''}`)
}

/** What a poll saw of one page: status, whether it came from the page copy, whether `text` is on it. */
export const described = (name: string, page: { status: number; copy: boolean; body: string }, text: string) =>
  `${name} ${page.status}${page.copy ? ' from the page copy' : ''}, ${page.body.includes(text) ? 'with' : 'without'} it`

/**
 * Posts the comment form of `html` (rendered by one instance) to `target`, as the page's script
 * sends it, from reader number `i` (own email; address 10.x.y.z unless `ip` is given).
 */
export async function postComment(target: string, path: string, html: string, runId: string, i: number, ip?: string) {
  const post = commentPost(formFields(html), runId, i, { script: true })
  const headers = { ...post.headers, ...(ip ? { 'x-forwarded-for': ip } : {}) }
  const response = await fetch(`${target}${path}`, { method: 'POST', headers, body: post.body })
  const body = await response.text()
  return { status: response.status, posted: response.status === 200 && body.includes('"status":"posted"'), body }
}

export { BENCH_EMAIL as emailOf } from '../../scripts/bench/dataset.mjs'

export async function redisClient(port: string) {
  const client = createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: false } })
  client.on('error', () => {})
  await client.connect()
  const subscriber = client.duplicate()
  subscriber.on('error', () => {})
  return { client, subscriber }
}

/** Whether the replica (SCALE_REPLICA_URL) answers `sql` with a row now. */
export async function replicaHas(sql: string, params: unknown[] = []) {
  const replica = await connected(required('SCALE_REPLICA_URL'))
  try {
    return ((await replica.query(sql, params)).rowCount ?? 0) > 0
  } finally {
    await replica.end()
  }
}

/**
 * Runs `fn` with the replica's replay paused, once it has caught up with the primary; resumes it
 * after, and waits until it has caught up again. Before `fn`, article `articleId`'s title is
 * changed on the primary behind Payload's back (no write window, no tag expiry), so that what an
 * anonymous request reads tells where it read from: `anonymousReadsOnReplica(base)` resolves once
 * the instance at `base` (B unless given) answers an anonymous request with the replica's old
 * title (its window after the last change it heard of is over); `titleOnPrimary` is the new one.
 */
export async function replayPaused(
  articleId: number,
  fn: (lag: { anonymousReadsOnReplica: (base?: string) => Promise<number>; titleOnPrimary: string }) => Promise<void>,
) {
  const [primary, replica] = await Promise.all([
    connected(required('SCALE_DATABASE_URL')),
    connected(required('SCALE_REPLICA_URL')),
  ])
  const caughtUp = async () => {
    const { rows } = await primary.query('select pg_current_wal_lsn()::text as lsn')
    await within(10_000, 'the replica catches up', async () => {
      const { rows: done } = await replica.query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [rows[0].lsn])
      return done[0].ok === true
    })
  }
  try {
    await caughtUp()
    await replica.query('select pg_wal_replay_pause()')
    const { rows } = await primary.query(
      "update articles set title = title || ' (primary only)' where id = $1 returning title",
      [articleId],
    )
    const titleOnPrimary = rows[0].title as string
    const old = titleOnPrimary.replace(/ \(primary only\)$/, '')
    const anonymousReadsOnReplica = (base = B) =>
      within(10_000, `${base} answers an anonymous request with the lagging replica's data`, async () => {
        const r = await get(`${base}/api/articles/${articleId}?depth=0`)
        const title = r.status === 200 ? JSON.parse(r.body).title : null
        return title === old || `${r.status} ${title ?? r.body.slice(0, 120)}`
      })
    await fn({ anonymousReadsOnReplica, titleOnPrimary })
  } finally {
    await replica.query('select pg_wal_replay_resume()')
    await caughtUp().finally(() => Promise.all([primary.end(), replica.end()]))
  }
}
