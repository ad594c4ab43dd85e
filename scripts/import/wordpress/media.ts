import fs from 'node:fs'
import path from 'node:path'

import { IMAGE_MIME_TYPES } from '@/collections/Media'
import type { ItemSummary } from './scan'

const MIME_BY_EXT: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
}
const DOWNLOAD_TIMEOUT_MS = 20_000
const MAX_BYTES = 50 * 1024 * 1024

export type LoadedFile = { file: { data: Buffer; mimetype: string; name: string; size: number } } | { skip: string }

/**
 * An attachment's file: from --media-dir (a copy of wp-content/uploads, found by the path after
 * "wp-content/uploads/"), else downloaded from its URL unless --no-download. What cannot be had
 * is a warning in the report, never a failure.
 */
export async function loadAttachment(
  item: ItemSummary,
  options: { mediaDir?: string; download?: boolean },
): Promise<LoadedFile> {
  const url = item.attachmentUrl
  if (!url) return { skip: 'no attachment_url' }
  const name = path.basename(decodeURIComponent(new URL(url, 'http://x/').pathname))
  const mimetype = MIME_BY_EXT[path.extname(name).toLowerCase()]
  if (!mimetype || !IMAGE_MIME_TYPES.includes(mimetype))
    return { skip: `not an image Byline stores (${path.extname(name) || 'no extension'})` }
  const rel = /\/wp-content\/uploads\/(.+?)(?:[?#].*)?$/.exec(url)?.[1]
  if (options.mediaDir && rel) {
    const local = path.resolve(options.mediaDir, decodeURIComponent(rel))
    if (local.startsWith(path.resolve(options.mediaDir) + path.sep) && fs.existsSync(local)) {
      const data = fs.readFileSync(local)
      return { file: { data, mimetype, name, size: data.length } }
    }
  }
  if (options.download === false)
    return {
      skip: options.mediaDir
        ? `not in --media-dir (${rel ?? url}) and downloads are off`
        : 'downloads are off (--no-download) and no --media-dir',
    }
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: 'follow' })
    if (!response.ok) return { skip: `download failed: HTTP ${response.status}` }
    const data = Buffer.from(await response.arrayBuffer())
    if (data.length > MAX_BYTES) return { skip: `larger than ${MAX_BYTES / 1024 / 1024} MB` }
    return { file: { data, mimetype, name, size: data.length } }
  } catch (error) {
    return { skip: `download failed: ${(error as Error).message}` }
  }
}
