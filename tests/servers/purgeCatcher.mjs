// A purge webhook receiver for the end-to-end run: the site under test POSTs expired tags to it
// (BYLINE_PURGE_URL, server/cache/purgeWebhook.mjs) and Playwright reads what arrived over
// GET /received. Listens on 127.0.0.1 only; keeps the last MAX_CALLS calls.
import http from 'node:http'

const MAX_CALLS = 2000
const MAX_BODY = 256 * 1024

export async function startPurgeCatcher() {
  const calls = []
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method === 'GET' && url.pathname === '/received') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(calls))
      return
    }
    if (req.method !== 'POST' || url.pathname !== '/purge') {
      res.writeHead(404).end()
      return
    }
    const chunks = []
    let size = 0
    req.on('data', (chunk) => {
      size += chunk.length
      if (size <= MAX_BODY) chunks.push(chunk)
    })
    req.on('end', () => {
      let body = null
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      } catch {
        body = null
      }
      calls.push({
        at: new Date().toISOString(),
        tags: Array.isArray(body?.tags) ? body.tags : null,
        contentType: req.headers['content-type'] ?? null,
        authorization: req.headers.authorization ?? null,
        xkeyPurge: req.headers['xkey-purge'] ?? null,
      })
      if (calls.length > MAX_CALLS) calls.splice(0, calls.length - MAX_CALLS)
      res.writeHead(body ? 200 : 400, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const base = `http://127.0.0.1:${server.address().port}`
  return {
    purgeUrl: `${base}/purge`,
    receivedUrl: `${base}/received`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
