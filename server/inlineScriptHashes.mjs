// Reader pages' Content-Security-Policy without 'unsafe-inline' for scripts (issue #11): the
// production launcher answers each reader page with a script-src that allows exactly the inline
// <script> elements of that response, by their SHA-256 hashes. Next.js inlines every page's data
// (`self.__next_f.push(...)`) and React's Suspense helpers (`$RC`) as scripts whose text differs per
// page, and nonces would make every page render per request; hashes keep the pages cacheable.
//
// next.config.mjs sends READER_CSP (headers.mjs, with 'unsafe-inline') with every reader route, which is what a
// plain `next start` serves. The launcher recognises that header on a response and replaces it:
// - an HTML body (GET, status with a body): held until Next ends it (a streamed page goes out in
//   one piece), decompressed if Next compressed it, its inline scripts hashed as the browser does;
//   then the header with the hashes and the original bytes go out. The launcher's page copy
//   (server/pageCache.mjs) records the headers as sent, so a copy hit costs no hashing.
// - anything else (feeds, RSC payloads, redirects, HEAD): the policy with no inline script at all.
// Responses with another policy (/admin, uploaded files) pass untouched.
import { createHash } from 'node:crypto'
import zlib from 'node:zlib'

import { readerCsp } from '../lib/security/headers.mjs'

const CSP = 'content-security-policy'

// In the bytes of an HTML page read as latin1 (one character a byte): comments, skipped, and
// script elements, up to the first `</script` as the HTML tokenizer ends them. React escapes `<` in
// attribute values, text and its own inline scripts, so neither appears where it does not mean a tag.
const SCRIPT_OR_COMMENT = /<!--[\s\S]*?-->|<script(?=[\s/>])([^>]*)>([\s\S]*?)<\/script(?=[\s/>])/gi
const SRC = /(?:^|\s)src\s*=/i
const TYPE = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i

/**
 * The CSP hash sources (`'sha256-…'`, each once, in page order) of the inline scripts in an HTML
 * page's bytes. Scripts with a `src` are covered by 'self'; data blocks (a `type` naming JSON, such
 * as JSON-LD) do not run, so CSP does not check them. The browser hashes the element's text as the
 * parser builds it: line breaks normalised to LF, NUL replaced by U+FFFD, then UTF-8.
 */
export function inlineScriptHashes(html) {
  const text = Buffer.isBuffer(html) ? html.toString('latin1') : Buffer.from(html, 'utf8').toString('latin1')
  const sources = new Set()
  for (const match of text.matchAll(SCRIPT_OR_COMMENT)) {
    const [, attributes, body] = match
    if (attributes === undefined || SRC.test(attributes)) continue
    const type = TYPE.exec(attributes)
    if (type && /json/i.test(type[1] ?? type[2] ?? type[3])) continue
    const parsed =
      body.includes('\r') || body.includes('\0') ? body.replace(/\r\n?/g, '\n').replaceAll('\0', '\xef\xbf\xbd') : body
    sources.add(`'sha256-${createHash('sha256').update(parsed, 'latin1').digest('base64')}'`)
  }
  return [...sources]
}

/** The body as the browser reads it, or null for an encoding this cannot undo. */
function decoded(body, encoding) {
  const name = String(encoding ?? 'identity')
    .trim()
    .toLowerCase()
  if (name === '' || name === 'identity') return body
  if (name === 'gzip' || name === 'x-gzip') return zlib.gunzipSync(body)
  if (name === 'br') return zlib.brotliDecompressSync(body)
  if (name === 'deflate') return zlib.inflateSync(body)
  return null
}

/**
 * The launcher's hook: call after the page copy's serve() (whose recording then keeps the header
 * this sets) and before server/notFoundBody.mjs (whose branded body must be the one hashed)
 * and Next.js handle `req`. `warn` hears of a body that could not be read; that
 * page gets the policy with no inline script, which breaks its JavaScript rather than allowing any.
 *
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ development?: boolean, warn?: (line: string) => void }} [options]
 */
export function hashInlineScripts(req, res, { development = false, warn = (line) => console.warn(line) } = {}) {
  const fallback = readerCsp(["'unsafe-inline'"], { development })
  const { writeHead, write, end, flushHeaders } = res
  /** @type {null | 'pass' | 'hold'} */
  let mode = null
  // Set when the held page goes out: Node's end() writes the head through res.writeHead.
  let sending = false
  const held = []

  const decide = () => {
    if (mode) return mode
    if (res.getHeader(CSP) !== fallback) return (mode = 'pass')
    const html = /^\s*text\/html/i.test(String(res.getHeader('content-type') ?? ''))
    const bodiless = req.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304
    if (html && !bodiless) return (mode = 'hold')
    res.setHeader(CSP, readerCsp([], { development }))
    return (mode = 'pass')
  }
  const holding = () => !sending && decide() === 'hold'
  const keep = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return
    held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'))
  }

  res.writeHead = function (status, ...rest) {
    if (sending || mode === 'pass') return writeHead.call(this, status, ...rest)
    // Undecided or holding: the status and headers go on the response, where getHeader sees them.
    res.statusCode = status
    const headers = rest.find((r) => r && typeof r === 'object')
    if (headers) for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    if (!holding()) return writeHead.call(this, status, ...rest.filter((r) => typeof r === 'string'))
    return this
  }
  res.flushHeaders = function () {
    if (!holding()) return flushHeaders.call(this)
  }
  res.write = function (chunk, encoding, callback) {
    if (!holding()) return write.call(this, chunk, encoding, callback)
    keep(chunk, encoding)
    ;(typeof encoding === 'function' ? encoding : callback)?.()
    return true
  }
  res.end = function (chunk, encoding, callback) {
    if (!holding()) return end.call(this, chunk, encoding, callback)
    keep(chunk, encoding)
    const body = Buffer.concat(held)
    let sources = []
    try {
      const page = decoded(body, res.getHeader('content-encoding'))
      if (page) sources = inlineScriptHashes(page)
      else
        warn(
          `byline: ${req.url} came with Content-Encoding ${res.getHeader('content-encoding')}; its inline scripts are not allowed`,
        )
    } catch (error) {
      warn(
        `byline: could not read ${req.url} to hash its inline scripts (${error?.message ?? error}); they are not allowed`,
      )
    }
    res.setHeader(CSP, readerCsp(sources, { development }))
    sending = true
    return end.call(this, body, typeof encoding === 'function' ? encoding : callback)
  }
}
