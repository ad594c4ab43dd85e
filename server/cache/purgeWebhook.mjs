// The purge webhook (BYLINE_PURGE_URL, README "Behind a CDN"): when Next's cache handler expires
// tags in this process (server/cache/nextCacheHandler.mjs, or redisCacheHandler.mjs on the instance
// that expired them, never on the instances that hear of it through Redis), the tags are POSTed
// to that URL as JSON `{"tags":[...]}`, spelled as the pages' Surrogate-Key headers spell them
// (surrogateKeys.mjs). The same list rides in an `xkey-purge` header (space-separated), which a
// Varnish with the xkey vmod purges directly (docs/varnish/byline.vcl); BYLINE_PURGE_TOKEN, if
// set, goes in `Authorization: Bearer …`, which is also what Cloudflare's purge API takes.
//
// Never in the way of the request that expired the tags: `expire` only queues them. Tags that
// arrive within DELAY_MS go out together (an expiry inside a request reaches the handler twice:
// at once, and again when the request ends, after its transaction committed), at most
// MAX_TAGS_PER_CALL to a call and MAX_HEADER_BYTES in its header. Each call has a TIMEOUT_MS
// timeout and is tried up to ATTEMPTS times, waiting BACKOFF_MS, then twice, then four times as
// long between tries (a 4xx other than 408/429 is not tried again). When a call fails, one line
// is logged and its tags are kept (at most MAX_PENDING, the oldest dropped beyond) and tried once
// every RETRY_DOWN_MS until the endpoint answers, when one more line says so.
import { cdnKeys, MAX_TAG_BYTES } from './surrogateKeys.mjs'
import { purgeSettings } from '../../lib/env.mjs'
import { GLOBAL } from '../../lib/sharedNames.mjs'

export const DEFAULTS = {
  delayMs: 100,
  timeoutMs: 3000,
  attempts: 4,
  backoffMs: 500,
  retryDownMs: 30_000,
  maxPending: 10_000,
  maxTagsPerCall: 30,
  maxHeaderBytes: 4000,
}

/** The URL as logs may show it: origin and path, without the query (which may hold a key). */
const shown = (url) => {
  const u = new URL(url)
  return `${u.origin}${u.pathname}`
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * @param {{ url: string, token?: string | null, log?: (line: string) => void } & Partial<typeof DEFAULTS>} options
 */
export function createPurgeWebhook({ url, token = null, log = (line) => console.error(line), ...overrides }) {
  const o = { ...DEFAULTS, ...overrides }
  /** Tags waiting to be sent, oldest first. */
  let pending = new Set()
  let dropped = 0
  let timer = null
  let running = null
  let down = false
  let sent = 0

  function schedule() {
    if (timer || running || pending.size === 0) return
    timer = setTimeout(flush, down ? o.retryDownMs : o.delayMs)
    timer.unref?.()
  }

  /** Queues the tags of an expiry; returns at once. */
  function expire(tags) {
    for (const key of cdnKeys([tags].flat())) {
      // A key longer than any page may carry is on no page's Surrogate-Key (surrogateKeys.mjs).
      if (key.length > MAX_TAG_BYTES) continue
      pending.add(key)
    }
    for (const key of pending) {
      if (pending.size <= o.maxPending) break
      pending.delete(key)
      dropped++
    }
    schedule()
  }

  /** The next call's tags, taken from the front of the queue. */
  function takeBatch() {
    const batch = []
    let bytes = 0
    for (const key of pending) {
      if (batch.length === o.maxTagsPerCall || (batch.length > 0 && bytes + 1 + key.length > o.maxHeaderBytes)) break
      batch.push(key)
      bytes += (batch.length > 1 ? 1 : 0) + key.length
      pending.delete(key)
    }
    return batch
  }

  /** One call; resolves to null on success, else why it failed and whether trying again may help. */
  async function call(batch) {
    try {
      const headers = { 'content-type': 'application/json', 'xkey-purge': batch.join(' ') }
      if (token) headers.authorization = `Bearer ${token}`
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ tags: batch }),
        signal: AbortSignal.timeout(o.timeoutMs),
        redirect: 'error',
      })
      await response.arrayBuffer().catch(() => {})
      if (response.ok) return null
      const retry = response.status >= 500 || response.status === 408 || response.status === 429
      return { why: `HTTP ${response.status}`, retry }
    } catch (error) {
      const cause = error?.cause?.code ?? error?.cause?.message
      const why =
        error?.name === 'TimeoutError'
          ? `no answer within ${o.timeoutMs} ms`
          : (cause ?? error?.message ?? String(error))
      return { why, retry: true }
    }
  }

  /** Tries one batch (once while the endpoint is down); returns whether it went through. */
  async function send(batch) {
    const attempts = down ? 1 : o.attempts
    let failure = null
    for (let attempt = 1; attempt <= attempts; attempt++) {
      failure = await call(batch)
      if (!failure) break
      if (!failure.retry || attempt === attempts) break
      await sleep(o.backoffMs * 2 ** (attempt - 1))
    }
    if (!failure) {
      sent++
      if (down) {
        down = false
        const lost = dropped
          ? `; ${dropped} tag(s) queued during the outage were dropped (more than ${o.maxPending})`
          : ''
        dropped = 0
        log(`byline: the purge webhook (BYLINE_PURGE_URL ${shown(url)}) answers again; queued tags sent${lost}`)
      }
      return true
    }
    if (!down) {
      down = true
      log(
        `byline: the purge webhook (BYLINE_PURGE_URL ${shown(url)}) failed (${failure.why}); ` +
          `expired tags are kept and sent again every ${Math.round(o.retryDownMs / 1000)} s until it answers (logged once per outage)`,
      )
    }
    return false
  }

  async function flush() {
    timer = null
    running = (async () => {
      while (pending.size > 0) {
        const batch = takeBatch()
        if (await send(batch)) continue
        // Back at the front, ahead of what arrived meanwhile.
        pending = new Set([...batch, ...pending])
        break
      }
    })()
    await running
    running = null
    schedule()
  }

  /**
   * Resolves when nothing is being sent and nothing waits to go out but, during an outage, the
   * next periodic try (for tests).
   */
  async function idle() {
    while (running || (timer && !down)) {
      if (running) await running
      else await sleep(5)
    }
  }

  return {
    expire,
    idle,
    state: () => ({ pending: pending.size, down, sent, dropped }),
    stop() {
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}

const WEBHOOK = GLOBAL.purgeWebhook

/**
 * Hands an expiry to this process's webhook, made on first use from BYLINE_PURGE_URL (checked at
 * start by server/launcher.mjs; under a plain `next start` a bad value is logged once and ignored).
 */
export function announceExpiry(tags) {
  let webhook = globalThis[WEBHOOK]
  if (webhook === undefined) {
    try {
      const settings = purgeSettings()
      webhook = settings ? createPurgeWebhook(settings) : null
    } catch (error) {
      console.error(`byline: ${error.message} No purge webhook is called.`)
      webhook = null
    }
    globalThis[WEBHOOK] = webhook
  }
  webhook?.expire(tags)
}
