// An in-memory copy of the public pages Next.js serves from its own cache, answered by the
// launcher's HTTP server before Next.js runs. Next.js spends about 1 ms of CPU on every cache HIT
// (routing, the proxy, its request wrappers); a copy from memory costs what a static file does.
//
// Only responses that Next.js itself served from its cache (x-nextjs-cache: HIT) with a public
// Cache-Control are kept, and only for anonymous GETs: a request that carries a staff session,
// draft mode, a cache bypass, a server action or client-router headers always goes to Next.js.
// Every tag expiry empties the copy (lib/cache/nextCacheHandler.mjs, in this same process), so it
// is never staler than Next's cache; a request that started before an expiry cannot store what it
// got. Answers from the copy carry `x-byline-cache: HIT`.
const PERSONAL_COOKIES = ['payload-token', '__prerender_bypass']
const PASS_HEADERS = [
  'x-bench-bypass',
  'next-action',
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'range',
  'authorization',
]
// Hop-by-hop or per-response headers: set afresh on every answer.
const DROPPED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'])

export const PURGE_HOOK = Symbol.for('byline.pageCache')

function cookieNames(header) {
  if (!header) return []
  return header.split(';').map((part) => part.split('=', 1)[0].trim())
}

/** Whether the answer to `req` may come from, and go into, the shared copy. */
export function isShareable(req) {
  if (req.method !== 'GET') return false
  if (PASS_HEADERS.some((h) => req.headers[h] !== undefined)) return false
  if (req.url.includes('_rsc=')) return false
  const cookies = cookieNames(req.headers.cookie)
  return !PERSONAL_COOKIES.some((name) => cookies.includes(name))
}

/**
 * @param {{ maxBytes: number }} options  maxBytes 0 turns the copy off
 */
export function createPageCache({ maxBytes }) {
  /** key → { status, headers, body } ; a Map keeps insertion order, used as LRU order. */
  const entries = new Map()
  let bytes = 0
  let generation = 0

  const keyOf = (req) => `${req.url}\n${req.headers['accept-encoding'] ?? ''}`

  function purge() {
    entries.clear()
    bytes = 0
    generation++
  }

  function store(key, entry) {
    const old = entries.get(key)
    if (old) {
      bytes -= old.body.length
      entries.delete(key)
    }
    if (entry.body.length > maxBytes) return
    entries.set(key, entry)
    bytes += entry.body.length
    for (const [k, e] of entries) {
      if (bytes <= maxBytes) break
      entries.delete(k)
      bytes -= e.body.length
    }
  }

  /** Answers `req` from the copy and returns true, or returns false and lets Next.js answer. */
  function serve(req, res) {
    if (maxBytes === 0 || !isShareable(req)) return false
    const key = keyOf(req)
    const entry = entries.get(key)
    if (entry) {
      entries.delete(key)
      entries.set(key, entry)
      res.writeHead(entry.status, { ...entry.headers, 'x-byline-cache': 'HIT', 'content-length': entry.body.length })
      res.end(entry.body)
      return true
    }
    record(req, res, key)
    return false
  }

  /** Keeps a copy of what Next.js writes, if it turns out to be a shareable cache HIT. */
  function record(req, res, key) {
    const started = generation
    const chunks = []
    let size = 0
    const write = res.write
    const end = res.end
    const keep = (chunk, encoding) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > maxBytes) return
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
      chunks.push(buffer)
      size += buffer.length
    }
    res.write = function (chunk, encoding, callback) {
      keep(chunk, encoding)
      return write.call(this, chunk, encoding, callback)
    }
    res.end = function (chunk, encoding, callback) {
      keep(chunk, encoding)
      const headers = res.getHeaders()
      if (
        started === generation &&
        res.statusCode === 200 &&
        headers['x-nextjs-cache'] === 'HIT' &&
        String(headers['cache-control'] ?? '').startsWith('public') &&
        headers['set-cookie'] === undefined &&
        size <= maxBytes
      ) {
        const kept = {}
        for (const [name, value] of Object.entries(headers)) if (!DROPPED.has(name)) kept[name] = value
        store(key, { status: 200, headers: kept, body: Buffer.concat(chunks) })
      }
      return end.call(this, chunk, encoding, callback)
    }
  }

  return { serve, purge, size: () => ({ entries: entries.size, bytes }) }
}
