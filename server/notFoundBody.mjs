// The launcher's fix for Next 16's server-rendered 404s. A notFound() inside an on-demand page
// (every unknown address is one: the Pages catch-all, /categories/<x>, /?page=abc) answers 404 with
// an empty error shell (`<html id="__next_error__">`, no lang, no text) that the browser's
// JavaScript then fills: readers without JavaScript, and anything reading the HTML, get nothing
// (vercel/next.js#59180, #97000). For a reader's GET, the launcher keeps Next's 404 status and
// headers but sends the body of the branded page at NOT_FOUND_PATH, itself a cached page.
import http from 'node:http'

import { NOT_FOUND_PATH } from '../lib/notFoundPath.mjs'
import { HEADER } from '../lib/sharedNames.mjs'

export { NOT_FOUND_PATH }
const INNER = HEADER.notFoundBody
const SKIPPED = /^\/(api|admin|_next)(\/|$)/

/** Whether the launcher may replace this request's 404 body (a reader's page, not an RSC or action). */
function eligible(req) {
  if (req.method !== 'GET' || req.headers[INNER]) return false
  if (req.headers.rsc || req.headers['next-action'] || req.headers['next-router-state-tree']) return false
  return !SKIPPED.test((req.url ?? '/').split('?')[0])
}

function fetchBody(port) {
  return new Promise((resolve, reject) => {
    const inner = http.get(
      { host: '127.0.0.1', port, path: NOT_FOUND_PATH, headers: { [INNER]: '1', 'accept-encoding': 'identity' } },
      (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          const body = Buffer.concat(chunks)
          if (res.statusCode === 200 && body.includes('<html')) resolve(body)
          else reject(new Error(`${NOT_FOUND_PATH} answered ${res.statusCode}`))
        })
        res.on('error', reject)
      },
    )
    inner.on('error', reject)
    inner.setTimeout(5000, () => inner.destroy(new Error('timed out')))
  })
}

/**
 * Call before Next handles `req`: if Next then answers it 404 with HTML, the branded page's body
 * goes out instead (uncompressed; Next's own body is kept if that page cannot be had).
 */
export function replaceNotFoundBody(req, res, port) {
  if (!eligible(req)) return
  // The wrappers stay in place once decided: Next's compression wraps them in turn, so putting
  // the originals back would cut it out (and send plain bytes marked gzip).
  const { writeHead, write, end } = res
  let replacing = null
  // Set when the replacement goes out: Node's end() writes the head through res.writeHead.
  let sending = false
  const decide = () => {
    if (sending) return false
    replacing ??= res.statusCode === 404 && String(res.getHeader('content-type') ?? '').startsWith('text/html')
    return replacing
  }
  const held = []
  res.writeHead = function (status, ...rest) {
    res.statusCode = status
    const headers = rest.find((r) => r && typeof r === 'object')
    if (headers) for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    if (!decide()) return writeHead.call(this, status, ...rest)
    return this
  }
  res.write = function (chunk, encoding, callback) {
    if (!decide()) return write.call(this, chunk, encoding, callback)
    if (chunk)
      held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'))
    ;(typeof encoding === 'function' ? encoding : callback)?.()
    return true
  }
  res.end = function (chunk, encoding, callback) {
    if (!decide()) return end.call(this, chunk, encoding, callback)
    if (chunk && typeof chunk !== 'function')
      held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'))
    fetchBody(port).then(
      (body) => {
        sending = true
        res.removeHeader('content-encoding')
        res.setHeader('content-length', body.length)
        end.call(res, body)
      },
      () => {
        sending = true
        res.setHeader('content-length', Buffer.concat(held).length)
        end.call(res, Buffer.concat(held))
      },
    )
    return this
  }
}
