import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { ADMIN_CSP, readerCsp } from '../../lib/security/headers.mjs'
import { hashInlineScripts, inlineScriptHashes } from '../../server/inlineScriptHashes.mjs'

// The launcher's script hashes (server/inlineScriptHashes.mjs) against a stand-in for Next
// that sends next.config's headers and compresses as Next does: its compression wraps write and
// end after the launcher's hook did, and the page streams. The browser side (hydration, an injected
// script refused) is tests/e2e/security-headers.e2e.spec.ts.
const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
const FLIGHT = 'self.__next_f.push([1,"café \\u003c/script>"])'
const SUSPENSE = '$RC("B:0","S:0")'
const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><script src="/_next/static/chunks/main.js" async=""></script>',
  '<script type="application/ld+json">{"@type":"Article"}</script></head><body><!--$--><h1>A page</h1><!--/$-->',
  `<script>${FLIGHT}</script>`,
  '<!-- <script>not a script</script> -->',
  `<script id="_R_">${SUSPENSE}</script>`,
  `<script>${FLIGHT}</script>`,
  '<script>line one\r\nline two</script></body></html>',
]
// next.config.mjs's reader policy in a production build (the tests run with NODE_ENV=test).
const FALLBACK = readerCsp(["'unsafe-inline'"], { development: false })
const production = (sources: string[]) => readerCsp(sources, { development: false })
const HASHES = [sha(FLIGHT), sha(SUSPENSE), sha('line one\nline two')]
const warnings: string[] = []
let server: http.Server
let base = ''

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hashInlineScripts(req, res, { warn: (line) => warnings.push(line) })
    const path = (req.url ?? '/').split('?')[0]
    res.setHeader('content-security-policy', path.startsWith('/admin') ? ADMIN_CSP : FALLBACK)
    if (path === '/feed.xml') {
      res.setHeader('content-type', 'application/rss+xml')
      return res.end('<rss><channel><title>Feed</title></channel></rss>')
    }
    res.setHeader('content-type', 'text/html; charset=utf-8')
    const encoding = String(req.headers['accept-encoding'] ?? '')
    const compressor = encoding.includes('br')
      ? zlib.createBrotliCompress()
      : encoding.includes('gzip')
        ? zlib.createGzip()
        : null
    if (compressor) {
      const [write, end] = [res.write.bind(res), res.end.bind(res)]
      compressor.on('data', (c: Buffer) => write(c))
      compressor.on('end', () => end())
      res.write = ((chunk: string) => compressor.write(chunk)) as typeof res.write
      res.end = ((chunk?: string) => (chunk ? compressor.end(chunk) : compressor.end(), res)) as typeof res.end
      res.setHeader('content-encoding', encoding.includes('br') ? 'br' : 'gzip')
    }
    if (path === '/broken') res.setHeader('content-encoding', 'compress')
    res.flushHeaders()
    void (async () => {
      for (const part of PAGE.slice(0, -1)) {
        res.write(part)
        await new Promise<void>((flushed) =>
          compressor && 'flush' in compressor ? compressor.flush(() => flushed()) : flushed(),
        )
      }
      res.end(PAGE.at(-1))
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

it("finds a page's inline scripts as the browser runs them: not src, JSON data or comments; CRLF read as LF", () => {
  expect(inlineScriptHashes(PAGE.join(''))).toEqual(HASHES)
  expect(inlineScriptHashes('<p>no scripts</p><scripts>x</scripts><script-x>y</script-x>')).toEqual([])
})

it.each(['identity', 'gzip', 'br'])(
  'a reader page sent %s allows exactly its inline scripts; its bytes go out unchanged',
  async (encoding) => {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get(`${base}/articles/a`, { headers: { 'accept-encoding': encoding } }, resolve).on('error', reject),
    )
    const chunks: Buffer[] = []
    for await (const chunk of response) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBe(encoding === 'identity' ? undefined : encoding)
    const page =
      encoding === 'gzip' ? zlib.gunzipSync(body) : encoding === 'br' ? zlib.brotliDecompressSync(body) : body
    expect(page.toString('utf8')).toBe(PAGE.join(''))
    const csp = response.headers['content-security-policy']
    expect(csp).toBe(production(HASHES))
    expect(csp).toContain(`script-src 'self' ${HASHES.join(' ')};`)
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'")
  },
)

it('a feed, a HEAD and an unreadable body get no inline script at all; /admin keeps its own policy', async () => {
  const strict = production([])
  expect(strict).toContain("script-src 'self';")
  const feed = await fetch(`${base}/feed.xml`)
  expect(feed.status).toBe(200)
  expect(await feed.text()).toContain('<rss>')
  expect(feed.headers.get('content-security-policy')).toBe(strict)
  const head = await fetch(`${base}/articles/a`, { method: 'HEAD' })
  expect(head.status).toBe(200)
  expect(head.headers.get('content-security-policy')).toBe(strict)
  const broken = await fetch(`${base}/broken`, { headers: { 'accept-encoding': 'identity' } })
  expect(broken.status).toBe(200)
  expect(broken.headers.get('content-security-policy')).toBe(strict)
  expect(warnings).toEqual([expect.stringContaining('/broken came with Content-Encoding compress')])
  const admin = await fetch(`${base}/admin/login`)
  expect(admin.status).toBe(200)
  expect(admin.headers.get('content-security-policy')).toBe(ADMIN_CSP)
})
