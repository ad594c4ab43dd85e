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
