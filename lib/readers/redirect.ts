/**
 * Where next-auth may send a reader after signing in or out: a path or an address on this site's
 * own origin; anything else (another host, a protocol-relative //host, javascript:) goes home.
 */
export function safeRedirect(url: string, baseUrl: string): string {
  try {
    const base = new URL(baseUrl)
    const target = new URL(url, base)
    if (target.origin !== base.origin) return base.origin
    return target.href
  } catch {
    return new URL(baseUrl).origin
  }
}

/**
 * A callbackUrl as a path on this site, for links the page renders ("Back") and the forms it
 * posts: resolved the way a browser resolves it (URL drops tabs and line breaks, reads `\` as
 * `/`), so `/%09/evil.example`, `/\evil` and `//evil` are seen as the other hosts they are.
 * Anything not on `baseUrl`'s origin becomes "/".
 */
export function localCallbackPath(value: string, baseUrl: string): string {
  if (!value.startsWith('/')) return '/'
  try {
    const base = new URL(baseUrl)
    const target = new URL(value, base)
    if (target.origin !== base.origin) return '/'
    return `${target.pathname}${target.search}${target.hash}`
  } catch {
    return '/'
  }
}
