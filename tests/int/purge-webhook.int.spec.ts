import http from 'http'
import type { AddressInfo } from 'net'
import { afterEach, describe, expect, it } from 'vitest'

import { purgeSettings } from '../../lib/env.mjs'
import { createPurgeWebhook } from '../../server/cache/purgeWebhook.mjs'
import { freePort } from '../../server/database.mjs'

// The purge webhook client (BYLINE_PURGE_URL) against a real HTTP server on a free port.

type Call = { tags: string[]; authorization?: string; xkeyPurge?: string; contentType?: string }
type Receiver = {
  url: string
  calls: Call[]
  status: number
  hang: boolean
  nextCall: () => Promise<Call>
  close: () => Promise<void>
}
const receivers: Receiver[] = []
const webhooks: ReturnType<typeof createPurgeWebhook>[] = []
afterEach(async () => {
  for (const webhook of webhooks.splice(0)) webhook.stop()
  for (const receiver of receivers.splice(0)) await receiver.close()
})

/** A webhook endpoint answering `status` (or never, with `hang`), recording each call. */
async function receiver({ port = 0, status = 200 } = {}): Promise<Receiver> {
  const waiting: ((call: Call) => void)[] = []
  const state: Receiver = {
    url: '',
    calls: [],
    status,
    hang: false,
    nextCall: () => new Promise((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const call: Call = {
        tags: JSON.parse(body).tags,
        authorization: req.headers.authorization,
        xkeyPurge: req.headers['xkey-purge'] as string | undefined,
        contentType: req.headers['content-type'],
      }
      state.calls.push(call)
      waiting.shift()?.(call)
      if (!state.hang) res.writeHead(state.status).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge?key=secret`
  receivers.push(state)
  return state
}

function webhook(options: Parameters<typeof createPurgeWebhook>[0]) {
  const hook = createPurgeWebhook({ delayMs: 20, backoffMs: 20, timeoutMs: 500, retryDownMs: 150, ...options })
  webhooks.push(hook)
  return hook
}

describe('BYLINE_PURGE_URL and BYLINE_PURGE_TOKEN', () => {
  it('are optional, and refused with one clear line unless an http(s) URL and a plain token', () => {
    expect(purgeSettings({})).toBeNull()
    expect(purgeSettings({ BYLINE_PURGE_URL: ' ' })).toBeNull()
    expect(purgeSettings({ BYLINE_PURGE_URL: 'https://cdn.example/purge', BYLINE_PURGE_TOKEN: 'abc' })).toEqual({
      url: 'https://cdn.example/purge',
      token: 'abc',
    })
    expect(() => purgeSettings({ BYLINE_PURGE_URL: 'cdn.example/purge' })).toThrow(
      'BYLINE_PURGE_URL is not a URL: "cdn.example/purge"',
    )
    expect(() => purgeSettings({ BYLINE_PURGE_URL: 'ftp://cdn.example/' })).toThrow(
      'BYLINE_PURGE_URL must be an http:// or https:// address, not ftp://',
    )
    expect(() => purgeSettings({ BYLINE_PURGE_URL: 'https://u:p@cdn.example/' })).toThrow(
      'must not carry a user or password',
    )
    expect(() => purgeSettings({ BYLINE_PURGE_URL: 'https://cdn.example/', BYLINE_PURGE_TOKEN: 'a b' })).toThrow(
      'BYLINE_PURGE_TOKEN must be printable ASCII',
    )
  })
})

describe('the purge webhook', () => {
  it('POSTs the expired tags as JSON, in an xkey-purge header too, with the token, coalescing what arrives together', async () => {
    const endpoint = await receiver()
    const hook = webhook({ url: endpoint.url, token: 't0k3n' })
    const arrived = endpoint.nextCall()
    hook.expire(['article:a', 'articles', '_N_T_/articles/a'])
    hook.expire(['articles', 'comments:7', 'page:/a b/'])
    const call = await arrived
    expect(call).toEqual({
      tags: ['article:a', 'articles', 'comments:7', 'page:/a%20b/'],
      authorization: 'Bearer t0k3n',
      xkeyPurge: 'article:a articles comments:7 page:/a%20b/',
      contentType: 'application/json',
    })
    await hook.idle()
    expect(endpoint.calls).toHaveLength(1)
    expect(hook.state()).toMatchObject({ pending: 0, down: false, sent: 1 })
  })

  it('sends no Authorization header without a token, and at most 30 tags a call', async () => {
    const endpoint = await receiver()
    const hook = webhook({ url: endpoint.url })
    hook.expire(Array.from({ length: 70 }, (_, i) => `article:${i}`))
    await hook.idle()
    expect(endpoint.calls.map((c) => c.tags.length)).toEqual([30, 30, 10])
    expect(endpoint.calls.flatMap((c) => c.tags)).toEqual(Array.from({ length: 70 }, (_, i) => `article:${i}`))
    expect(endpoint.calls.every((c) => c.authorization === undefined)).toBe(true)
  })

  it('never blocks the caller, even when the endpoint does not answer', async () => {
    const endpoint = await receiver()
    endpoint.hang = true
    const lines: string[] = []
    const hook = webhook({ url: endpoint.url, timeoutMs: 300, attempts: 2, log: (line) => lines.push(line) })
    const arrived = endpoint.nextCall()
    // expire() queues and returns: nothing is awaited, and no call has left before the loop ends.
    for (let i = 0; i < 100; i++) expect(hook.expire([`article:${i}`])).toBeUndefined()
    expect(endpoint.calls).toHaveLength(0)
    await arrived
    expect(hook.state().pending).toBe(70)
    await hook.idle()
    expect(endpoint.calls).toHaveLength(2)
    expect(lines).toEqual([expect.stringContaining('failed (no answer within 300 ms)')])
  })

  it('retries a failing endpoint a bounded number of times, logs one line per outage, and sends the kept tags when it is back', async () => {
    const port = await freePort()
    const lines: string[] = []
    const url = `http://127.0.0.1:${port}/purge?key=secret`
    const hook = webhook({ url, attempts: 3, log: (line) => lines.push(line) })

    // Nothing listens: three tries, then one line (without the query, which may hold a key).
    hook.expire(['article:a'])
    await hook.idle()
    expect(hook.state()).toMatchObject({ down: true, pending: 1, sent: 0 })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^byline: the purge webhook \(BYLINE_PURGE_URL http:\/\/127\.0\.0\.1:\d+\/purge\) failed \(ECONNREFUSED\)/,
    )
    expect(lines[0]).not.toContain('secret')

    // An endpoint that answers 503 is still down: one try per retry period, no further lines.
    const endpoint = await receiver({ port, status: 503 })
    hook.expire(['article:b'])
    hook.expire(['article:a'])
    await endpoint.nextCall()
    await endpoint.nextCall()
    expect(lines).toHaveLength(1)
    expect(endpoint.calls.map((c) => c.tags)).toEqual([
      ['article:a', 'article:b'],
      ['article:a', 'article:b'],
    ])

    // Back: the kept tags go out with the next try, and one line says so.
    endpoint.status = 200
    const delivered = endpoint.nextCall()
    await delivered
    await hook.idle()
    expect(hook.state()).toMatchObject({ down: false, pending: 0, sent: 1 })
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('answers again')

    // And a later expiry goes out at once, with the full number of tries again.
    endpoint.status = 500
    const before = endpoint.calls.length
    hook.expire(['article:c'])
    await hook.idle()
    expect(endpoint.calls.length - before).toBe(3)
    expect(lines).toHaveLength(3)
  })

  it('does not retry a refusal (401): the tags wait for the next try period', async () => {
    const endpoint = await receiver({ status: 401 })
    const lines: string[] = []
    const hook = webhook({ url: endpoint.url, attempts: 4, retryDownMs: 60_000, log: (line) => lines.push(line) })
    hook.expire(['article:a'])
    await endpoint.nextCall()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(endpoint.calls).toHaveLength(1)
    expect(lines).toEqual([expect.stringContaining('failed (HTTP 401)')])
    expect(hook.state()).toMatchObject({ down: true, pending: 1 })
  })

  it('keeps at most maxPending tags during an outage, dropping the oldest', async () => {
    const port = await freePort()
    const lines: string[] = []
    const hook = webhook({
      url: `http://127.0.0.1:${port}/`,
      attempts: 1,
      maxPending: 5,
      retryDownMs: 100,
      log: (line) => lines.push(line),
    })
    hook.expire(['t0'])
    await hook.idle()
    expect(hook.state().down).toBe(true)
    hook.expire(['t1', 't2', 't3', 't4', 't5', 't6', 't7'])
    expect(hook.state()).toMatchObject({ pending: 5, dropped: 3 })
    const endpoint = await receiver({ port })
    await endpoint.nextCall()
    await hook.idle()
    expect(endpoint.calls[0].tags).toEqual(['t3', 't4', 't5', 't6', 't7'])
    expect(lines[1]).toContain('3 tag(s) queued during the outage were dropped')
  })
})
