import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { NOT_FOUND_PATH, replaceNotFoundBody } from '../../server/notFoundBody.mjs'

// The launcher's 404 body replacement against a stand-in for Next that answers as Next 16 does:
// a gzipped empty shell with status 404 for unknown pages (server/notFoundBody.mjs).
const SHELL = '<!DOCTYPE html><html id="__next_error__"><head></head><body></body></html>'
const BRANDED =
  '<!DOCTYPE html><html lang="en"><body><a class="site-name" href="/">Byline</a><h1>Page not found</h1></body></html>'
let brandedUp = true
let server: http.Server
let base = ''

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const port = (server.address() as AddressInfo).port
    replaceNotFoundBody(req, res, port)
    const path = (req.url ?? '/').split('?')[0]
    if (path === NOT_FOUND_PATH) {
      res.statusCode = brandedUp ? 200 : 500
      res.setHeader('content-type', 'text/html; charset=utf-8')
      return res.end(BRANDED)
    }
    if (path === '/api/nothing') {
      res.statusCode = 404
      res.setHeader('content-type', 'application/json')
      return res.end('{"errors":[]}')
    }
    if (path === '/streamed') {
      // As Next's compression does: it wraps write and end after the launcher did, and the page
      // streams, so compressed bytes reach the launcher's wrapper between the page's writes.
      const [write, end] = [res.write.bind(res), res.end.bind(res)]
      const gzip = zlib.createGzip()
      gzip.on('data', (c: Buffer) => write(c))
      gzip.on('end', () => end())
      res.write = ((chunk: string) => gzip.write(chunk)) as typeof res.write
      res.end = ((chunk?: string) => (chunk ? gzip.end(chunk) : gzip.end(), res)) as typeof res.end
      res.setHeader('content-type', 'text/html; charset=utf-8')
      res.setHeader('content-encoding', 'gzip')
      void (async () => {
        for (let i = 0; i < 50; i++) {
          res.write(`<p>part ${i}</p>`)
          await new Promise<void>((flushed) => gzip.flush(() => flushed()))
        }
        res.end('<p>the end</p>')
      })()
      return
    }
    if (path.startsWith('/missing')) {
      const body = zlib.gzipSync(SHELL)
      res.statusCode = 404
      res.setHeader('content-type', 'text/html; charset=utf-8')
      res.setHeader('content-encoding', 'gzip')
      res.setHeader('cache-control', 'private, no-cache, no-store')
      res.setHeader('content-length', body.length)
      res.write(body.subarray(0, 10))
      return res.end(body.subarray(10))
    }
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.end('<html lang="en"><h1>A page</h1></html>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

it("a reader page's 404 keeps its status and headers and carries the branded page, uncompressed", async () => {
  const response = await fetch(`${base}/missing/page?x=1`)
  expect(response.status).toBe(404)
  expect(response.headers.get('content-encoding')).toBeNull()
  expect(response.headers.get('cache-control')).toBe('private, no-cache, no-store')
  expect(await response.text()).toBe(BRANDED)
})

it('leaves a found page streamed through a compression that wraps the response after it intact', async () => {
  const response = await fetch(`${base}/streamed`)
  expect(response.status).toBe(200)
  const text = await response.text()
  expect(text).toContain('<p>part 0</p>')
  expect(text.match(/<p>part \d+<\/p>/g)).toHaveLength(50)
  expect(text.endsWith('<p>the end</p>')).toBe(true)
})

it('leaves alone pages that are found, API answers, RSC requests and HEAD', async () => {
  const found = await fetch(`${base}/found`)
  expect(found.status).toBe(200)
  expect(await found.text()).toContain('A page')
  const api = await fetch(`${base}/api/nothing`)
  expect(api.status).toBe(404)
  expect(await api.text()).toBe('{"errors":[]}')
  const rsc = await fetch(`${base}/missing`, { headers: { rsc: '1', 'accept-encoding': 'gzip' } })
  expect(rsc.status).toBe(404)
  expect(await rsc.text()).toBe(SHELL) // fetch gunzips: Next's own body went out
  const head = await fetch(`${base}/missing`, { method: 'HEAD' })
  expect(head.status).toBe(404)
  expect(head.headers.get('content-encoding')).toBe('gzip') // Next's headers, untouched
})

it("keeps Next's own body when the branded page cannot be had", async () => {
  brandedUp = false
  try {
    const response = await fetch(`${base}/missing`)
    expect(response.status).toBe(404)
    expect(await response.text()).toBe(SHELL)
  } finally {
    brandedUp = true
  }
})
