// Load generation with autocannon, and the real comment form posted as a browser posts it: with
// JavaScript (a fetch of the server action) or without (a plain multipart form POST).
import autocannon from 'autocannon'

import { BENCH_EMAIL } from './dataset.mjs'

export const summary = (r) => ({
  requests: r.requests.total,
  rps: Math.round(r.requests.total / r.duration),
  p50: r.latency.p50,
  p99: r.latency.p99,
  errors: r.errors + r.timeouts,
  non2xx: r.non2xx,
})

/** GETs `url` (or each of `requests` in turn) from `connections` connections for `duration` seconds. */
export async function measure(url, { connections, duration, headers = {}, requests }) {
  return summary(await autocannon({ url, connections, duration, headers, timeout: 30, ...(requests ? { requests } : {}) }))
}

const decode = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/**
 * The comment form's hidden fields as the page renders them: the server action's reference and
 * bound state ($ACTION_REF_1, $ACTION_1:0, $ACTION_1:1, $ACTION_KEY), the article, and the rest.
 */
export function formFields(html) {
  const form = html.match(/<form[^>]*id="respond"[^>]*>[\s\S]*?<\/form>/)?.[0]
  if (!form) throw new Error('no comment form (#respond) on the page')
  const fields = []
  for (const [, attrs] of form.matchAll(/<input([^>]*)>/g)) {
    const a = Object.fromEntries(
      [...attrs.matchAll(/([\w:$-]+)="([^"]*)"/g)].map(([, k, v]) => [k, decode(v)]),
    )
    if (a.type === 'hidden' && a.name) fields.push([a.name, a.value ?? ''])
  }
  if (!fields.some(([name]) => name.startsWith('$ACTION')))
    throw new Error('the comment form carries no server action fields')
  return fields
}

export function multipart(fields) {
  const boundary = `----byline-bench-${Math.random().toString(36).slice(2)}`
  const parts = fields.map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  )
  return {
    body: `${parts.join('')}--${boundary}--\r\n`,
    type: `multipart/form-data; boundary=${boundary}`,
  }
}

/**
 * The form as the page's script sends it (captured from Chromium): every field prefixed "_1_",
 * then the action's arguments in "0" (the previous form state and the form data, "$K1"), with
 * the action's id in the Next-Action header.
 */
function scriptedFields(fields) {
  const get = (name) => fields.find(([n]) => n === name)?.[1]
  // React numbers each form's action fields in page order ($ACTION_1, $ACTION_2…): the comment
  // form follows the comments' "Report" forms, so take whichever number it carries.
  const k = fields.map(([n]) => n.match(/^\$ACTION_(\d+):0$/)?.[1]).find(Boolean) ?? '1'
  const { id } = JSON.parse(get(`$ACTION_${k}:0`) ?? '{}')
  const [previousState] = JSON.parse(get(`$ACTION_${k}:1`) ?? '[]')
  if (!id || !previousState) throw new Error('the comment form carries no server action reference')
  return {
    fields: [...fields.map(([n, v]) => [`_1_${n}`, v]), ['0', JSON.stringify([previousState, '$K1'])]],
    headers: { 'next-action': id, accept: 'text/x-component' },
  }
}

/** One reader's comment: their own address (through the trusted proxy) and email. */
export function commentPost(hidden, runId, i, { script = false } = {}) {
  const typed = [
    // The page's script reports the time since load (a script post without it counts as too fast).
    ...hidden.filter(([name]) => name !== 'elapsed'),
    ['elapsed', script ? '5000' : ''],
    ['comment', `Benchmark comment ${i} of run ${runId}: the second section explains it well.`],
    ['author', `Bench Reader ${i}`],
    ['email', BENCH_EMAIL(runId, i)],
    ['url', ''],
    ['hp_website', ''],
  ]
  const sent = script ? scriptedFields(typed) : { fields: typed, headers: {} }
  const { body, type } = multipart(sent.fields)
  const forwardedFor = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`
  return { body, headers: { ...sent.headers, 'content-type': type, 'x-forwarded-for': forwardedFor } }
}

/**
 * Posts `amount` comments, `connections` at a time, each from a distinct sender (numbered from
 * `first`). Counts the answers that thank the reader: the re-rendered page without JavaScript,
 * the action's result with it.
 */
export async function postComments(url, hidden, { runId, amount, connections, script = false, first = 1 }) {
  let n = first - 1
  const ok = { thanked: 0 }
  const thanked = script ? (body) => body.includes('"status":"posted"') : (body) => body.includes('awaiting moderation')
  const result = await autocannon({
    url,
    connections,
    amount,
    timeout: 60,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({ ...req, ...commentPost(hidden, runId, ++n, { script }) }),
        onResponse: (status, body) => {
          if (status === 200 && thanked(String(body))) ok.thanked += 1
        },
      },
    ],
  })
  return { ...summary(result), thanked: ok.thanked }
}
