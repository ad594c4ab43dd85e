/**
 * The one form a redirect's "from" address is stored and looked up in, so that old links match
 * however they are written: percent-escapes in either case (or none: /caf%C3%A9 = /café), with
 * or without the trailing slash, doubled slashes collapsed, query parameters in any order.
 * Letters outside the escapes keep their case, as the old site's paths did.
 */
export function normaliseRedirectPath(input: string): string {
  let raw = input.trim()
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
      const u = new URL(raw)
      raw = u.pathname + u.search
    }
  } catch {
    /* keep it as typed */
  }
  const q = raw.indexOf('?')
  const rawPath = q === -1 ? raw : raw.slice(0, q)
  const rawQuery = q === -1 ? '' : raw.slice(q + 1).split('#')[0]
  const segments = rawPath.split('#')[0].split('/').filter(Boolean).map(canonicalSegment)
  const path = `/${segments.join('/')}`
  const params = new URLSearchParams(rawQuery)
  params.sort()
  const query = params.toString()
  return query ? `${path}?${query}` : path
}

function canonicalSegment(segment: string): string {
  let decoded = segment
  try {
    decoded = decodeURIComponent(segment)
  } catch {
    /* a stray % stays as it is */
  }
  return encodeURIComponent(decoded)
}
