import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { s3Settings } from '../../lib/env.mjs'
import { s3ClientConfig } from '../../lib/storage/s3Settings.mjs'
import { isLibraryOutageLine } from '../../server/cache/redisCacheHandler.mjs'
import { redisServerBinary } from '../servers/redisServer.mjs'
import {
  A,
  adminToken,
  api,
  B,
  connected,
  db,
  described,
  emailOf,
  get,
  LB,
  postComment,
  publish,
  redisClient,
  replayPaused,
  replicaHas,
  sleep,
  slugFor,
  staffCookie,
  warm,
  within,
} from './helpers'

// Two production instances A and B of one build, on one Redis, behind nginx (LB), with two job
// workers: started by scripts/scale.mjs. The tests run in order; the last one kills A.
let token = ''
const runId = `s${Date.now().toString(36)}`
let reader = 0
beforeAll(async () => {
  token = await adminToken(LB)
})

describe('one site across two instances', () => {
  it("an article published via A is on B (its page, B's cached home page and feed) and through the balancer within 1 s", async () => {
    for (const path of ['/', '/feed.xml']) await Promise.all([warm(`${B}${path}`), warm(`${A}${path}`)])
    const slug = slugFor('fresh')
    const title = `Published via A ${slug}`
    await publish(A, token, title, slug)
    const took = await within(1000, 'the new article on B and through the balancer', async () => {
      const [page, home, feed] = await Promise.all(
        [`/articles/${slug}`, '/', '/feed.xml'].map((path) => get(`${B}${path}`)),
      )
      // Round robin: two requests in a row through nginx reach A and B.
      const balanced = [await get(`${LB}/`), await get(`${LB}/`), await get(`${LB}/articles/${slug}`)]
      return (
        (page.status === 200 &&
          page.body.includes(title) &&
          home.body.includes(title) &&
          feed.status === 200 &&
          feed.body.includes(`<title>${title}</title>`) &&
          balanced.every((r) => r.status === 200 && r.body.includes(title))) ||
        [
          described('page', page, title),
          described('home', home, title),
          described('feed', feed, title),
          ...balanced.map((r, i) => described(`balancer ${i}`, r, title)),
        ].join('; ')
      )
    })
    expect(took).toBeLessThan(1000)
  })

  it("approving a comment via B drops that article from A's page copy within 1 s (also through the balancer), and keeps A's copy of the other article, the home page and the feed", async () => {
    const [x, y] = [slugFor('approved'), slugFor('other')]
    const article = await publish(A, token, `Approved here ${x}`, x)
    await publish(A, token, `Untouched ${y}`, y)
    const page = await warm(`${A}/articles/${x}`)
    const posted = await postComment(A, `/articles/${x}`, page.body, runId, ++reader)
    expect(posted.posted, posted.body.slice(0, 300)).toBe(true)
    for (const path of [`/articles/${x}`, `/articles/${y}`, '/', '/feed.xml']) await warm(`${A}${path}`)

    const client = db()
    await client.connect()
    const { rows } = await client.query('select id from comments where author_email = $1', [emailOf(runId, reader)])
    await client.end()
    expect(rows).toHaveLength(1)
    await api(B, token, 'PATCH', `/api/comments/${rows[0].id}`, { status: 'approved' })

    const approved = `Bench Reader ${reader}`
    await within(1000, 'the approved comment on A and through the balancer', async () => {
      const seen = [await get(`${A}/articles/${x}`), await get(`${LB}/articles/${x}`), await get(`${LB}/articles/${x}`)]
      return (
        seen.every((r) => r.status === 200 && r.body.includes(approved)) ||
        seen.map((r, i) => described(['A', 'balancer', 'balancer'][i], r, approved)).join('; ')
      )
    })
    for (const path of [`/articles/${y}`, '/', '/feed.xml']) {
      expect((await get(`${A}${path}`)).copy, `${path} left A's page copy`).toBe(true)
    }
    expect(article.id).toBeGreaterThan(0)
  })

  it('the comment form rendered by A posts to B; the flood limit holds across A and B', async () => {
    const slug = slugFor('form')
    await publish(A, token, `Form story ${slug}`, slug)
    const html = (await warm(`${A}/articles/${slug}`)).body
    const ip = '10.200.0.7'
    const first = await postComment(B, `/articles/${slug}`, html, runId, ++reader, ip)
    expect(first.posted, first.body.slice(0, 300)).toBe(true)
    // The same address again at once, through the other instance: refused.
    const second = await postComment(A, `/articles/${slug}`, html, runId, ++reader, ip)
    expect(second.status).toBe(200)
    expect(second.posted).toBe(false)
    expect(second.body).toContain('You are posting comments too quickly')
    const client = db()
    await client.connect()
    const { rows } = await client.query('select author_email from comments where author_email = any($1)', [
      [emailOf(runId, reader - 1), emailOf(runId, reader)],
    ])
    await client.end()
    expect(rows.map((r) => r.author_email)).toEqual([emailOf(runId, reader - 1)])
  })

  it('a staff session made via A is valid on B (token and cookie)', async () => {
    const { cookie, jwt } = await staffCookie(A)
    // The cookie as a browser sends it on the site's own pages (Payload refuses a cookie from another site).
    const asStaff: Record<string, string>[] = [
      { authorization: `JWT ${jwt}` },
      { cookie, 'sec-fetch-site': 'same-origin' },
    ]
    for (const headers of asStaff) {
      const me = await fetch(`${B}/api/users/me`, { headers })
      expect(me.status).toBe(200)
      expect((await me.json()).user?.email).toBe('scale-admin@byline.test')
    }
  })

  it('an upload via A is served via B (media on S3): the same bytes, content type and safe headers', async () => {
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 30, g: 120, b: 60 } } })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('_payload', JSON.stringify({ alt: 'Uploaded via A' }))
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `scale-${runId}.png`)
    const uploaded = await fetch(`${A}/api/media`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}` },
      body: form,
    })
    expect(uploaded.status, await uploaded.clone().text()).toBe(201)
    const { doc } = await uploaded.json()
    // A and B each have a MEDIA_DIR of their own (scripts/scale.mjs): B can only have it from the bucket.
    const s3 = s3Settings(JSON.parse(process.env.SCALE_S3!))!
    const bucket = new S3Client(s3ClientConfig(s3))
    const stored = await bucket.send(new GetObjectCommand({ Bucket: s3.bucket, Key: doc.filename }))
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(png)).toBe(true)
    bucket.destroy()
    const safe = [
      'content-type',
      'content-length',
      'cache-control',
      'content-security-policy',
      'x-content-type-options',
      'x-frame-options',
      'referrer-policy',
    ]
    for (const file of [doc.filename, doc.sizes.card.filename]) {
      const [viaA, viaB, viaLb] = await Promise.all([A, B, LB].map((base) => fetch(`${base}/api/media/file/${file}`)))
      expect([viaA.status, viaB.status, viaLb.status], file).toEqual([200, 200, 200])
      const headersOf = (r: Response) => Object.fromEntries(safe.map((name) => [name, r.headers.get(name)]))
      expect(headersOf(viaB), file).toEqual(headersOf(viaA))
      expect(headersOf(viaLb), file).toEqual(headersOf(viaA))
      expect(headersOf(viaB)).toMatchObject({
        'content-type': file === doc.filename ? 'image/png' : 'image/webp',
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      })
      expect(viaB.headers.get('content-security-policy')).toContain('sandbox')
      const [a, b] = await Promise.all([viaA, viaB].map(async (r) => Buffer.from(await r.arrayBuffer())))
      expect(b.length).toBeGreaterThan(0)
      expect(b.equals(a)).toBe(true)
      if (file === doc.filename) expect(b.equals(png)).toBe(true)
    }
  })

  it("the anonymous API's per-address limit counts requests through A and B together", async () => {
    // One reader address (through the trusted proxy), alternating instances, until the first 429.
    const headers = { 'x-forwarded-for': '203.0.113.41' }
    let allowed = 0
    let refused: Response | null = null
    for (let i = 0; i < 1300 && !refused; i++) {
      const response = await fetch(`${i % 2 ? B : A}/api/articles?limit=1&depth=0`, { headers })
      await response.arrayBuffer()
      if (response.status === 429) refused = response
      else {
        expect(response.status).toBe(200)
        allowed += 1
      }
    }
    // BYLINE_API_RATE_PER_MINUTE's default, 600 a minute: per instance it would be 1,200.
    expect(refused?.status).toBe(429)
    expect(allowed).toBeGreaterThanOrEqual(590)
    expect(allowed).toBeLessThanOrEqual(600)
    // Another address is not limited by it, on either instance.
    for (const base of [A, B])
      expect(
        (await fetch(`${base}/api/articles?limit=1&depth=0`, { headers: { 'x-forwarded-for': '203.0.113.42' } }))
          .status,
      ).toBe(200)
  })

  it('a reader signed in via A (emailed link) is signed in on B', async () => {
    const email = `reader-${runId}@example.test`
    const jar = new Map<string, string>()
    const keep = (response: Response) => {
      for (const c of response.headers.getSetCookie()) {
        const [pair] = c.split(';')
        const at = pair.indexOf('=')
        jar.set(pair.slice(0, at), pair.slice(at + 1))
      }
    }
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    const csrf = await fetch(`${A}/auth/csrf`)
    expect(csrf.status).toBe(200)
    keep(csrf)
    const { csrfToken } = await csrf.json()
    const asked = await fetch(`${A}/auth/signin/email`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
      body: new URLSearchParams({ csrfToken, email, callbackUrl: `${LB}/` }),
    })
    expect(asked.status).toBeLessThan(400)
    let link = ''
    await within(15_000, 'the sign-in mail', async () => {
      const mails = await (await fetch(`${process.env.SCALE_MAIL_URL}/mails?to=${encodeURIComponent(email)}`)).json()
      link = mails[0]?.text.match(/https?:\/\/\S+\/auth\/callback\/email\?\S+/)?.[0] ?? ''
      return link !== ''
    })
    const onA = new URL(link)
    const callback = await fetch(`${A}${onA.pathname}${onA.search}`, {
      redirect: 'manual',
      headers: { cookie: cookie() },
    })
    expect(callback.status).toBe(302)
    keep(callback)
    expect(jar.get('next-auth.session-token')).toMatch(/.{20,}/)
    const session = await fetch(`${B}/auth/session`, { headers: { cookie: cookie() } })
    expect(session.status).toBe(200)
    expect((await session.json()).user?.email).toBe(email)
  })

  it("with two workers running, each scheduled article's job runs once", async () => {
    const { client: redis, subscriber } = await redisClient(process.env.SCALE_REDIS_PORT!)
    await subscriber.connect()
    const expiries: { at: number; tags: string[] }[] = []
    await subscriber.subscribe('byline:tags-expired', (message) =>
      expiries.push({ at: Date.now(), tags: JSON.parse(message).tags }),
    )
    const at = new Date(Date.now() + 3000)
    const slugs = [slugFor('sched1'), slugFor('sched2'), slugFor('sched3')]
    try {
      for (const slug of slugs) await publish(A, token, `Scheduled ${slug}`, slug, { publishedAt: at.toISOString() })
      expect((await get(`${B}/articles/${slugs[0]}`)).status).toBe(404)
      // The queue runs every 5 seconds: `at` plus two runs.
      await within(14_000, 'the scheduled articles on B', async () => {
        const pages = await Promise.all(slugs.map((slug) => get(`${B}/articles/${slug}`)))
        return pages.every((p) => p.status === 200)
      })
      await sleep(6000) // one more run of the queue, which must not run them again
    } finally {
      await subscriber.quit().catch(() => {})
      await redis.quit().catch(() => {})
    }
    for (const slug of slugs) {
      const runs = expiries.filter((e) => e.at >= at.getTime() && e.tags.includes(`article:${slug}`))
      expect(runs, slug).toHaveLength(1)
    }
  })
  it('each worker is healthy by the compose health check (server/workerHealth.mjs): its heartbeat is renewed', async () => {
    const dirs = JSON.parse(process.env.SCALE_WORKER_TMPDIRS!) as string[]
    expect(dirs).toHaveLength(2)
    for (const dir of dirs) {
      const file = path.join(dir, 'byline-worker-heartbeat')
      const first = fs.statSync(file).mtimeMs
      await within(15_000, `${file} renewed`, async () => fs.statSync(file).mtimeMs > first)
      const probe = spawnSync(process.execPath, ['server/workerHealth.mjs'], {
        env: { ...process.env, TMPDIR: dir },
        encoding: 'utf8',
      })
      expect(probe.status, probe.stderr).toBe(0)
    }
  })

  it('anonymous readers read from the replica (DATABASE_READ_URLS), staff from the primary, on both instances', async () => {
    const slug = slugFor('replica')
    const article = await publish(A, token, `Replicated ${slug}`, slug)
    let title = ''
    await replayPaused(article.id, async ({ anonymousReadsOnReplica, titleOnPrimary }) => {
      for (const base of [A, B]) {
        await anonymousReadsOnReplica(base)
        const staff = await api(base, token, 'GET', `/api/articles/${article.id}?depth=0`)
        expect(staff.title).toBe(titleOnPrimary)
      }
      title = titleOnPrimary
    })
    await within(
      5000,
      'B reads the caught-up replica',
      async () => JSON.parse((await get(`${B}/api/articles/${article.id}?depth=0`)).body).title === title,
    )
  })

  it("with the replica lagging, the commenter's own pending comment and the moderator's list after approving come from the primary, via the other instance", async () => {
    const slug = slugFor('own')
    const article = await publish(A, token, `Own comments ${slug}`, slug)
    const html = (await warm(`${A}/articles/${slug}`)).body
    const primary = db()
    await primary.connect()
    const { cookie: staff } = await staffCookie(A)
    /** B's answer to `path` for a browser sending `cookie` (a staff cookie only on the site's own pages). */
    const viaB = async (path: string, cookie: string) => {
      const r = await get(`${B}${path}`, { cookie, 'sec-fetch-site': 'same-origin' })
      expect(r.status, `${path}: ${r.body.slice(0, 200)}`).toBe(200)
      return JSON.parse(r.body)
    }
    let id = 0
    await replayPaused(article.id, async ({ anonymousReadsOnReplica }) => {
      // A reader posts via A (as the page's script does: the answer carries the own-comments token).
      const posted = await postComment(A, `/articles/${slug}`, html, runId, ++reader)
      expect(posted.posted, posted.body.slice(0, 300)).toBe(true)
      const ownToken = posted.body.match(/"ownToken":"([^"]+)"/)?.[1]
      expect(ownToken).toMatch(/\./)
      const { rows } = await primary.query('select id, status from comments where author_email = $1', [
        emailOf(runId, reader),
      ])
      expect(rows).toEqual([{ id: expect.any(Number), status: 'pending' }])
      id = rows[0].id
      // B reads anonymous requests from the replica, which has not got the comment.
      await anonymousReadsOnReplica()
      expect(await replicaHas('select 1 from comments where id = $1', [id])).toBe(false)
      const mine = await viaB(`/comments/mine?article=${article.id}`, `byline_own_comments=${ownToken}`)
      expect(mine.docs.map((d: { id: number; status: string }) => [d.id, d.status])).toEqual([[id, 'pending']])
    })
    // Caught up: the replica has the comment, pending. Paused again, a moderator approves it via A.
    await replayPaused(article.id, async ({ anonymousReadsOnReplica }) => {
      expect(await replicaHas("select 1 from comments where id = $1 and status = 'pending'", [id])).toBe(true)
      await api(A, token, 'PATCH', `/api/comments/${id}`, { status: 'approved' })
      const queue = `/api/comments?where[article][equals]=${article.id}&depth=0`
      const statusOnB = async () => (await viaB(queue, staff)).docs.find((d: { id: number }) => d.id === id)?.status
      expect(await statusOnB()).toBe('approved')
      // Also once B reads anonymous requests from the replica again (after its window for the change).
      await anonymousReadsOnReplica()
      expect(await replicaHas("select 1 from comments where id = $1 and status = 'pending'", [id])).toBe(true)
      expect(await statusOnB()).toBe('approved')
    }).finally(() => primary.end())
  })
})

describe('failures', () => {
  let restarted: ChildProcess | null = null
  afterAll(() => {
    restarted?.kill('SIGKILL')
  })

  it('the replica stopped: every instance serves pages from the primary, with one warning each', async () => {
    process.kill(Number(process.env.SCALE_REPLICA_PID), 'SIGINT')
    await within(15_000, 'the replica is down', async () => {
      try {
        await (await connected(process.env.SCALE_REPLICA_URL!)).end()
        return false
      } catch {
        return true
      }
    })
    const slug = slugFor('noreplica')
    const article = await publish(A, token, `Without the replica ${slug}`, slug)
    for (const base of [A, B, LB]) {
      for (let i = 0; i < 3; i++) {
        const page = await get(`${base}/articles/${slug}`)
        expect(page.status, `${base} article`).toBe(200)
        expect(page.body).toContain(`Without the replica ${slug}`)
        const json = await get(`${base}/api/articles/${article.id}?depth=0`)
        expect(json.status, `${base} REST`).toBe(200)
        expect((await get(`${base}/search?q=replica`)).status, `${base} search`).toBe(200)
      }
    }
    const logs = JSON.parse(process.env.SCALE_LOGS!) as { A: string; B: string }
    for (const file of [logs.A, logs.B]) {
      const warnings = fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.includes('read replica') && line.includes('cannot be reached'))
      expect(warnings, file).toHaveLength(1)
    }
  })

  it('Redis stopped and started under load: no 5xx, and changes are fresh on both instances after', async () => {
    const slug = slugFor('outage')
    const article = await publish(A, token, `Before the outage ${slug}`, slug)
    for (const base of [A, B]) await warm(`${base}/articles/${slug}`)
    const statuses: number[] = []
    let loading = true
    const load = Promise.all(
      [A, B, LB].map(async (base) => {
        while (loading) {
          for (const path of [`/articles/${slug}`, '/', '/feed.xml', '/page/2'])
            statuses.push((await get(`${base}${path}`)).status)
        }
      }),
    )
    await sleep(500)
    const port = process.env.SCALE_REDIS_PORT!
    const { client: redis } = await redisClient(port)
    await redis.sendCommand(['SHUTDOWN', 'NOSAVE']).catch(() => {})
    await sleep(300)
    // A change during the outage: A shows it at once; B catches up when Redis is back.
    await api(A, token, 'PATCH', `/api/articles/${article.id}`, { title: `During the outage ${slug}` })
    expect((await get(`${A}/articles/${slug}`)).body).toContain(`During the outage ${slug}`)
    await sleep(1500)
    restarted = spawn(
      redisServerBinary(),
      [
        '--port',
        port,
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        process.env.SCALE_REDIS_DIR!,
        '--notify-keyspace-events',
        'Exe',
      ],
      { stdio: 'ignore' },
    )
    const back = Date.now()
    await within(5000, 'B shows the change made during the outage', async () =>
      (await get(`${B}/articles/${slug}`)).body.includes(`During the outage ${slug}`),
    )
    await sleep(1000)
    loading = false
    await load
    expect(statuses.length).toBeGreaterThan(50)
    expect(statuses.filter((s) => s >= 500)).toEqual([])

    // And the shared cache works again: a change via B is on A within 1 s, and pages are cached again.
    await api(B, token, 'PATCH', `/api/articles/${article.id}`, { title: `After the outage ${slug}` })
    await within(1000, 'A shows the change made via B', async () => {
      const page = await get(`${A}/articles/${slug}`)
      return page.body.includes(`After the outage ${slug}`) || described('page', page, `After the outage ${slug}`)
    })
    await warm(`${B}/articles/${slug}`)
    expect(Date.now() - back).toBeGreaterThan(0)

    // Logged once per outage on each instance: its own line when Redis went and when it came back,
    // none of the library's lines for the commands that failed meanwhile.
    const logs = JSON.parse(process.env.SCALE_LOGS!) as { A: string; B: string }
    for (const file of [logs.A, logs.B]) {
      const lines = fs.readFileSync(file, 'utf8').split('\n')
      expect(
        lines.filter((l) => l.includes('byline: lost Redis')),
        file,
      ).toHaveLength(1)
      expect(
        lines.filter((l) => l.includes('byline: Redis is back')),
        file,
      ).toHaveLength(1)
      expect(
        lines.filter((l) => isLibraryOutageLine([l.trim()], true)),
        file,
      ).toEqual([])
    }
  })

  it('A killed with SIGKILL under load: nginx keeps serving from B, and no comment that was answered as posted is lost or stored twice', async () => {
    const slugs = [slugFor('kill1'), slugFor('kill2')]
    for (const slug of slugs) await publish(A, token, `Kill story ${slug}`, slug)
    const html = (await warm(`${A}/articles/${slugs[0]}`)).body
    const gets: { status: number; after: boolean }[] = []
    const posts: { i: number; posted: boolean; status: number }[] = []
    let killed = false
    let loading = true
    const readers = Array.from({ length: 3 }, async (_, n) => {
      while (loading) {
        const r = await get(`${LB}/articles/${slugs[n % 2]}`).catch(() => ({ status: 599 }))
        gets.push({ status: r.status, after: killed })
      }
    })
    const writers = Array.from({ length: 3 }, async () => {
      while (loading) {
        const i = ++reader
        const r = await postComment(LB, `/articles/${slugs[0]}`, html, runId, i).catch(() => ({
          status: 599,
          posted: false,
        }))
        posts.push({ i, posted: r.posted, status: r.status })
      }
    })
    await sleep(2000)
    process.kill(Number(process.env.SCALE_A_PID), 'SIGKILL')
    killed = true
    await sleep(3000)
    loading = false
    await Promise.all([...readers, ...writers])

    const after = gets.filter((g) => g.after)
    expect(after.length).toBeGreaterThan(10)
    expect(after.filter((g) => g.status !== 200)).toEqual([])
    const answered = posts.filter((p) => p.posted)
    expect(answered.length).toBeGreaterThan(3)
    const client = db()
    await client.connect()
    const { rows } = await client.query(
      'select author_email, count(*)::int as n from comments where author_email = any($1) group by author_email',
      [posts.map((p) => emailOf(runId, p.i))],
    )
    await client.end()
    const stored = new Map(rows.map((r) => [r.author_email, r.n]))
    expect(answered.filter((p) => stored.get(emailOf(runId, p.i)) !== 1)).toEqual([])
    expect(rows.filter((r) => r.n > 1)).toEqual([])
  })
})
