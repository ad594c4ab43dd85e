import { spawn, type ChildProcess } from 'child_process'
import fs from 'fs'
import http from 'http'
import type { AddressInfo } from 'net'
import os from 'os'
import path from 'path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { renderedTags } from '../../server/cache/pageCopyHooks.mjs'
import { createPurgeWebhook } from '../../server/cache/purgeWebhook.mjs'
import { createPageCache } from '../../server/pageCache.mjs'
import { freePort } from '../../server/database.mjs'

// docs/varnish/byline.vcl on Debian's Varnish with the xkey vmod (varnish-modules; `.ci/run`
// installs both), in front of the launcher's CDN headers, purged by the real webhook client.
// The origin is the launcher's header logic (server/pageCache.mjs) in front of a handler
// that names its tags as Next's cache handler does; it counts what reaches it.

const VARNISHD = ['/usr/sbin/varnishd', '/usr/bin/varnishd'].find((file) => fs.existsSync(file))
const TAGS: Record<string, string[]> = {
  '/articles/a': ['_N_T_/layout', 'article:a', 'comments:1', 'articles'],
  '/articles/b': ['_N_T_/layout', 'article:b', 'comments:2', 'articles'],
  '/': ['_N_T_/layout', 'articles', 'site'],
}

let origin: http.Server
let varnish: ChildProcess | null = null
let base = ''
let purgeUrl = ''
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-varnish-'))
// varnishd reads the VCL as its own user (run as root, it drops to `varnish`).
fs.chmodSync(tmp, 0o755)
const reached: Record<string, number> = {}

beforeAll(async () => {
  if (!VARNISHD) throw new Error('varnishd is not installed: apt-get install varnish varnish-modules (.ci/run does)')
  const cache = createPageCache({ maxBytes: 0, surrogateKeys: true })
  origin = http.createServer((req, res) => {
    if (cache.serve(req, res)) return
    void cache.run(res, async () => {
      const url = req.url!
      reached[url] = (reached[url] ?? 0) + 1
      if (TAGS[url]) renderedTags({ kind: 'APP_PAGE', headers: { 'x-next-cache-tags': TAGS[url].join(',') } })
      const staff = /payload-token=/.test(req.headers.cookie ?? '')
      res.setHeader(
        'cache-control',
        staff ? 'private, no-store' : 'public, max-age=0, s-maxage=60, stale-while-revalidate=300',
      )
      res.setHeader('content-type', 'text/html')
      res.end(`<p>${url} #${reached[url]}</p>`)
    })
  })
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
  const originPort = (origin.address() as AddressInfo).port

  const vcl = fs.readFileSync(path.resolve('docs/varnish/byline.vcl'), 'utf8')
  expect(vcl).toContain('.port = "3000";')
  fs.writeFileSync(path.join(tmp, 'byline.vcl'), vcl.replace('.port = "3000";', `.port = "${originPort}";`))
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  purgeUrl = `${base}/.byline/purge`
  const log: string[] = []
  varnish = spawn(
    VARNISHD,
    [
      '-F',
      '-n',
      path.join(tmp, 'n'),
      '-a',
      `127.0.0.1:${port}`,
      '-T',
      'none',
      '-f',
      path.join(tmp, 'byline.vcl'),
      '-s',
      'malloc,32m',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  varnish.stdout!.on('data', (d) => log.push(String(d)))
  varnish.stderr!.on('data', (d) => log.push(String(d)))
  const until = Date.now() + 30_000
  while (Date.now() < until) {
    if (varnish.exitCode !== null) throw new Error(`varnishd exited: ${log.join('')}`)
    const status = await fetch(purgeUrl).then(
      (r) => r.status,
      () => 0,
    )
    if (status === 405) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`varnishd did not answer within 30 s: ${log.join('')}`)
}, 60_000)

afterAll(async () => {
  if (varnish && varnish.exitCode === null) {
    const gone = new Promise((resolve) => varnish!.once('exit', resolve))
    varnish.kill('SIGTERM')
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))])
    if (varnish.exitCode === null) varnish.kill('SIGKILL')
  }
  await new Promise<void>((resolve) => (origin ? origin.close(() => resolve()) : resolve()))
  fs.rmSync(tmp, { recursive: true, force: true })
})

async function get(url: string, headers: Record<string, string> = {}) {
  const r = await fetch(base + url, { headers })
  expect(r.status).toBe(200)
  return { body: await r.text(), surrogateKey: r.headers.get('surrogate-key'), xkey: r.headers.get('xkey') }
}

describe('docs/varnish/byline.vcl', () => {
  it('keeps tagged pages, and the webhook purges exactly the pages of the expired tag', async () => {
    for (const url of ['/articles/a', '/articles/b', '/']) {
      const first = await get(url, { cookie: 'next-auth.session-token=reader' })
      expect(first.body).toBe(`<p>${url} #1</p>`)
      // The keys stay between Byline and Varnish.
      expect(first.surrogateKey).toBeNull()
      expect(first.xkey).toBeNull()
      expect((await get(url)).body).toBe(`<p>${url} #1</p>`)
    }
    expect(reached).toMatchObject({ '/articles/a': 1, '/articles/b': 1, '/': 1 })

    const lines: string[] = []
    const webhook = createPurgeWebhook({ url: purgeUrl, delayMs: 10, log: (line) => lines.push(line) })
    webhook.expire(['comments:1'])
    await webhook.idle()
    expect(webhook.state()).toMatchObject({ sent: 1, down: false, pending: 0 })
    expect(lines).toEqual([])

    expect((await get('/articles/a')).body).toBe('<p>/articles/a #2</p>')
    expect((await get('/articles/b')).body).toBe('<p>/articles/b #1</p>')
    expect((await get('/')).body).toBe('<p>/ #1</p>')

    webhook.expire(['articles'])
    await webhook.idle()
    expect((await get('/articles/a')).body).toBe('<p>/articles/a #3</p>')
    expect((await get('/articles/b')).body).toBe('<p>/articles/b #2</p>')
    expect((await get('/')).body).toBe('<p>/ #2</p>')
    webhook.stop()
  })

  it('passes staff requests through, and refuses a purge that is not a POST', async () => {
    await get('/articles/b')
    const before = reached['/articles/b']
    const staff = await get('/articles/b', { cookie: 'theme=dark; payload-token=abc' })
    expect(staff.body).toBe(`<p>/articles/b #${before + 1}</p>`)
    expect((await get('/articles/b')).body).toBe(`<p>/articles/b #${before}</p>`)
    expect((await fetch(purgeUrl, { headers: { 'xkey-purge': 'articles' } })).status).toBe(405)
    expect((await get('/articles/b')).body).toBe(`<p>/articles/b #${before}</p>`)
  })
})
