// Cache tags for a CDN in front of Byline (README "Behind a CDN").
//
// With BYLINE_SURROGATE_KEYS=1 the launcher (server/pageCache.mjs) sends each public page's
// Next.js cache tags in two response headers: `Surrogate-Key` (space-separated: Fastly, Varnish
// xkey) and `Cache-Tag` (comma-separated: Cloudflare). The purge webhook (purgeWebhook.mjs) sends
// expired tags in the same spelling, so the CDN purges exactly the pages that carry them.
//
// Spelling: a tag is kept as it is when it is made of letters, digits and `-._~:/@+=`; any other
// byte (a space, a comma, a quote, `%`, non-ASCII) is percent-encoded (UTF-8), so every key is a
// safe header token for both separators and two different tags never share a key.
// Next's implicit tags (`_N_T_/…`, expired only by revalidatePath, which Byline never calls) are
// left out: they would only make the headers longer.
//
// Bounds: at most MAX_TAGS keys of at most MAX_TAG_BYTES each, and at most MAX_HEADER_BYTES per
// header value (a reverse proxy such as nginx keeps all of a response's headers in a 4 KB buffer
// by default, and both headers carry the list). A page whose tags do not fit gets neither header,
// rather than a partial list a purge could miss: a CDN then keeps it only for the s-maxage of its
// Cache-Control (60 s), as without this setting.

export const MAX_TAGS = 64
export const MAX_TAG_BYTES = 200
export const MAX_HEADER_BYTES = 1024

const IMPLICIT = '_N_T_'
const SAFE = /^[A-Za-z0-9\-._~:/@+=]$/

/** A tag as a CDN key: unchanged if every character is safe, else with the other bytes as %XX. */
export function encodeTag(tag) {
  let out = ''
  for (const char of String(tag)) {
    if (SAFE.test(char)) out += char
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/** The CDN keys of a list of Next.js cache tags: encoded, without implicit tags, duplicates or empties. */
export function cdnKeys(tags) {
  const keys = new Set()
  for (const tag of tags ?? []) {
    if (typeof tag !== 'string' || tag === '' || tag.startsWith(IMPLICIT)) continue
    keys.add(encodeTag(tag))
  }
  return [...keys]
}

/**
 * The `Surrogate-Key` and `Cache-Tag` headers for a page carrying `tags`, or null when it carries
 * none (after leaving out implicit tags) or more than the bounds allow (then `why` says which).
 * @returns {{ headers: { 'surrogate-key': string, 'cache-tag': string } | null, why?: string }}
 */
export function surrogateHeaders(tags) {
  const keys = cdnKeys(tags)
  if (keys.length === 0) return { headers: null }
  if (keys.length > MAX_TAGS) return { headers: null, why: `${keys.length} tags (at most ${MAX_TAGS})` }
  const long = keys.find((key) => key.length > MAX_TAG_BYTES)
  if (long) return { headers: null, why: `a tag of ${long.length} bytes (at most ${MAX_TAG_BYTES})` }
  const spaced = keys.join(' ')
  if (spaced.length > MAX_HEADER_BYTES)
    return { headers: null, why: `${spaced.length} bytes of tags (at most ${MAX_HEADER_BYTES})` }
  return { headers: { 'surrogate-key': spaced, 'cache-tag': keys.join(',') } }
}

/**
 * Whether a response's Cache-Control lets a shared cache keep it: `public` or `s-maxage`, and none
 * of `private`, `no-store`, `no-cache`.
 */
export function sharedCacheable(cacheControl) {
  const value = String(cacheControl ?? '').toLowerCase()
  return /\b(public|s-maxage)\b/.test(value) && !/\b(private|no-store|no-cache)\b/.test(value)
}
