/**
 * A Page lives at its parents' slugs then its own: /level-1/level-2/level-3/. The first segment
 * may not be one of Byline's own routes, so a page never shadows them (the catch-all route in
 * app/(frontend)/[...path] only ever sees addresses no other route answers).
 */
export const RESERVED_SEGMENTS = new Set([
  'admin',
  'api',
  'articles',
  'auth',
  'categories',
  'comments',
  'exit-preview',
  'feed.xml',
  'media',
  'page',
  'preview',
  'robots.txt',
  'signin',
  'sitemap.xml',
  'tags',
  'test-only',
  'xml',
  '_next',
  'authors',
  'search',
  'comments.xml',
  'favicon.ico',
  'apple-touch-icon.png',
  'site-icon',
  'not-found-page',
])

export const pagePath = (slugs: string[]) => `/${slugs.join('/')}/`

/** "/a/b/" or "a/b" → "/a/b/" (the form stored in pages.path). */
export function normalisePagePath(segments: string[]): string {
  return pagePath(segments.map((s) => decodeURIComponent(s)).filter(Boolean))
}
