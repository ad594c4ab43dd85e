import { serverUrl } from './env.mjs'

/** The staff-only preview address: /preview checks the admin session, then turns on draft mode. */
const previewOf = (path: string) => `${serverUrl()}/preview?path=${encodeURIComponent(path)}`

/** An article's preview (its latest draft at /articles/<slug>). */
export function previewUrl(slug: string | null | undefined): string {
  return previewOf(`/articles/${slug || ''}`)
}

/** A Page's preview (its latest draft at its path, "/parent/child/"). */
export const pagePreviewUrl = (path: string | null | undefined) => previewOf(path || '/')

/** What /preview may send a signed-in editor to: an article or a Page address, nothing off-site. */
export const isPreviewable = (path: string) =>
  path.startsWith('/articles/') || /^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)+$/.test(path)
