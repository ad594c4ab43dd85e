// Search (/search?q=…), the one uncached reader page: each request runs its full-text query.
// Realistic queries over the bulk dataset's vocabulary (scripts/seed/bulk/words.ts): common and
// rare words, a quoted phrase, an exclusion, an alternative, a miss, a later page, and junk.
import { measure } from './load.mjs'

export const SEARCH_QUERIES = [
  ['common word', 'energy'],
  ['two words', 'ransomware hospitals'],
  ['quoted phrase', '"cost of borrowing"'],
  ['minus', 'climate -heat'],
  ['or', 'airlines or rail'],
  ['no match', 'xylophonist'],
  ['page 3', 'energy', 3],
  ['punctuation only', '?!.,;'],
]

const searchPath = ([, q, page]) => `/search?q=${encodeURIComponent(q)}${page ? `&page=${page}` : ''}`

/** Sequential requests of one query: its own p50 and p99 without queueing behind others. */
async function sequential(base, query, count) {
  const times = []
  let results = null
  for (let i = 0; i < count; i++) {
    const started = performance.now()
    const response = await fetch(`${base}${searchPath(query)}`)
    const html = await response.text()
    times.push(performance.now() - started)
    if (response.status !== 200) throw new Error(`search "${query[1]}" answered ${response.status}`)
    // React separates adjacent text with <!-- --> in the HTML.
    results ??= Number(html.replaceAll('<!-- -->', '').match(/(\d+) articles? match/)?.[1] ?? 0)
  }
  times.sort((a, b) => a - b)
  const at = (p) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))])
  return { name: query[0], q: query[1], page: query[2] ?? 1, results, p50: at(0.5), p99: at(0.99) }
}

/**
 * Each query alone (sequential, `count` times), then all of them mixed under load from
 * `connections` connections for `duration` seconds, with the CPU it cost (`withCpu`).
 */
export async function benchSearch(base, { connections, duration, count, withCpu }) {
  const perQuery = []
  for (const query of SEARCH_QUERIES) perQuery.push(await sequential(base, query, count))
  const requests = SEARCH_QUERIES.map((query) => ({ method: 'GET', path: searchPath(query) }))
  const mixed = await withCpu(() => measure(base, { connections, duration, requests }))
  return { perQuery, mixed, connections }
}

export function searchTable(search) {
  const lines = [`search (each query alone, ${search.perQuery.length} queries):`]
  for (const r of search.perQuery) {
    lines.push(`  ${r.name.padEnd(18)} ${JSON.stringify(r.q).padEnd(26)} page ${r.page}  ${String(r.results).padStart(6)} results  p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms`)
  }
  const m = search.mixed
  const cpu = m.serverCpuMs === null || m.serverCpuMs === undefined ? '-' : `${m.serverCpuMs}${m.dbCpuMs === null ? '' : ` + ${m.dbCpuMs}`}`
  lines.push(`search, mixed (${search.connections} connections): ${m.rps} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, CPU ms/req ${cpu}; ${m.non2xx} non-2xx, ${m.errors} errors`)
  return lines.join('\n')
}
