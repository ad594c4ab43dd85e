// Two rows for `npm run bench` from issue #11: how many anonymous API requests one address gets
// before the limit answers 429 (and how fast they are served until then), and how long a server
// killed with SIGKILL takes to answer 200 again.
import { performance } from 'node:perf_hooks'

/**
 * Anonymous REST requests from one client address (X-Forwarded-For, believed from the bench's
 * trusted proxy 127.0.0.1) until the first 429. `connections` requests are in flight at once,
 * so up to that many more may be answered after the first 429.
 */
export async function anonymousApiUntil429(base, { address, connections = 8, maxRequests = 20_000 }) {
  const counts = { allowed: 0, limited: 0, other: 0 }
  let sent = 0
  let limitedAt = null
  let retryAfter = null
  const started = performance.now()
  const worker = async () => {
    while (counts.limited === 0 && sent < maxRequests) {
      sent++
      const response = await fetch(`${base}/api/articles?limit=1&depth=0`, { headers: { 'x-forwarded-for': address } })
      await response.arrayBuffer()
      if (response.status === 200) counts.allowed++
      else if (response.status === 429) {
        counts.limited++
        limitedAt ??= performance.now()
        retryAfter ??= response.headers.get('retry-after')
      } else counts.other++
    }
  }
  await Promise.all(Array.from({ length: connections }, worker))
  const seconds = ((limitedAt ?? performance.now()) - started) / 1000
  return { ...counts, requests: counts.allowed, seconds: Math.round(seconds * 100) / 100, rps: Math.round(counts.allowed / seconds), retryAfter: retryAfter === null ? null : Number(retryAfter), connections }
}

/**
 * Kills the server with SIGKILL (a crash, an OOM kill), starts it again with `restart`, and times
 * from the new process's start to its first 200 for `path`.
 */
export async function restartToFirst200(kill, restart) {
  await kill()
  const started = performance.now()
  const server = await restart()
  return { ms: Math.round(performance.now() - started), server }
}
