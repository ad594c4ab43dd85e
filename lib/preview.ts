import { serverUrl } from './env.mjs'

/** The staff-only preview address: /preview checks the admin session, then turns on draft mode. */
export function previewUrl(slug: string | null | undefined): string {
  const path = `/articles/${slug || ''}`
  return `${serverUrl()}/preview?path=${encodeURIComponent(path)}`
}
