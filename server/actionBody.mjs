// A server action post sent chunked has no Content-Length for the proxy to check (proxy.ts), and
// Next's own 1 MB bodySizeLimit answers it 500. The launcher reads such a body itself, at most
// 1 MB: past that it answers 413; within it, Next gets the body with its length.
import http from 'node:http'

import { isActionPost, MAX_ACTION_BYTES, TOO_LARGE } from '../lib/security/actionPosts.mjs'

// What is left of a refused body is read and dropped, up to this much; then the connection goes.
const DISCARD_BYTES = 8 * MAX_ACTION_BYTES

/**
 * Calls `forward` with the request to hand Next (`req` itself unless it is a chunked action post),
 * or answers 413 and does not.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {(req: http.IncomingMessage) => unknown} forward
 */
export function limitChunkedActionBody(req, res, forward) {
  const chunked =
    req.headers['content-length'] === undefined &&
    !req.url?.startsWith('/api/') &&
    isActionPost(req.method, (name) => /** @type {string | undefined} */ (req.headers[name]))
  if (!chunked) return forward(req)
  const chunks = []
  let size = 0
  const read = (chunk) => {
    size += chunk.length
    if (size <= MAX_ACTION_BYTES) return void chunks.push(chunk)
    req.off('data', read).off('end', done)
    chunks.length = 0
    res.writeHead(413, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'private, no-store',
      connection: 'close',
    })
    res.end(TOO_LARGE)
    let discarded = 0
    req.on('data', (rest) => {
      discarded += rest.length
      if (discarded > DISCARD_BYTES) req.destroy()
    })
  }
  const done = () => forward(withBody(req, Buffer.concat(chunks)))
  req.on('data', read).once('end', done)
}

/** `req` again, its body read: the same method, address and headers, with the body's length. */
function withBody(req, body) {
  const copy = new http.IncomingMessage(req.socket)
  const headers = { ...req.headers, 'content-length': String(body.length) }
  delete headers['transfer-encoding']
  const rawHeaders = []
  for (const [name, value] of Object.entries(headers))
    for (const one of [value].flat()) if (one !== undefined) rawHeaders.push(name, one)
  Object.assign(copy, {
    method: req.method,
    url: req.url,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    headers,
    rawHeaders,
    complete: true,
  })
  copy.push(body)
  copy.push(null)
  return copy
}
