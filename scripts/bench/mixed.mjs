// The mixed run of `npm run bench -- --instances 2`: anonymous readers request many different
// articles through the balancer while a moderator approves a comment every 500 ms through one
// instance. It reports req/s and how many answers came from the launchers' page copies
// (x-byline-cache: HIT): with the per-tag purge an approval drops only its article's pages; with
// BYLINE_PAGE_COPY_PURGE=all it empties both copies every time.
import autocannon from 'autocannon'

import { approve } from './approve.mjs'
import { summary } from './load.mjs'
import { HEADER } from '../../lib/sharedNames.mjs'
import { sleep } from './processes.mjs'

/**
 * Requests every path `rounds` times through each of `bases`, with autocannon like the run itself:
 * the page copy keys a page by its Accept-Encoding too, so a warm-up with fetch (which asks for
 * gzip) would warm other copies than the ones the run reads.
 */
export async function warmPaths(bases, paths, rounds = 3) {
  for (const base of bases) {
    let next = 0
    await autocannon({
      url: base,
      connections: 4,
      amount: paths.length * rounds,
      timeout: 30,
      requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
    })
  }
}

/**
 * Readers on `paths` (in turn) through `base` for `duration` s from `connections` connections,
 * while `ids` are approved through `approveBase` one every `everyMs`.
 */
export async function mixedRun({ base, paths, approveBase, token, ids, duration, connections, everyMs = 500 }) {
  let next = 0
  const seen = { total: 0, copy: 0, next: {} }
  let reading = true
  const approved = []
  // One approval every `everyMs` on the clock, whether or not the last one has answered, so both
  // purge modes take the same stream of approvals (a moderator clicking on did not wait either).
  const moderator = (async () => {
    const started = Date.now()
    const sent = []
    for (const [i, id] of ids.entries()) {
      await sleep(Math.max(0, started + i * everyMs - Date.now()))
      if (!reading) break
      sent.push(approve(approveBase, token, id).then(() => approved.push(id)))
    }
    await Promise.all(sent)
  })()
  const result = await autocannon({
    url: base,
    connections,
    duration,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }),
        onResponse: (status, body, context, headers) => {
          seen.total += 1
          if (headers?.[HEADER.pageCopy] === 'HIT') seen.copy += 1
          // What Next.js answered the rest with: its cache (HIT, STALE) or a render (MISS).
          else {
            const next = headers?.['x-nextjs-cache'] ?? String(status)
            seen.next[next] = (seen.next[next] ?? 0) + 1
          }
        },
      },
    ],
  })
  reading = false
  await moderator
  return {
    ...summary(result),
    articles: paths.length,
    approvals: approved.length,
    copyHits: seen.copy,
    copyHitRatio: seen.total ? Math.round((seen.copy / seen.total) * 1000) / 1000 : null,
    nextCache: seen.next,
  }
}
