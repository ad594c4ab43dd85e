import type { CollectionConfig } from 'payload'
import fs from 'fs/promises'
import path from 'path'
import { fileURLToPath } from 'url'

import { anyone } from '@/access/anyone'
import { editors } from '@/access/editors'
import { importIdField } from '@/fields/importId'
import { mediaOnS3 } from '@/lib/storage/s3'
import { nameByContent } from './hooks/nameByContent'
import { mediaDir } from '@/lib/env.mjs'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * Raster images only. SVG, HTML and other active content are refused at upload; files are also
 * served with a sandboxing Content-Security-Policy (next.config.mjs) in case one slipped in.
 */
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']

export const IMMUTABLE = 'public, max-age=31536000, immutable'

/** Where uploads are kept without S3 (and where `npm run media:to-s3` copies them from). */
export const staticDir = mediaDir() || path.resolve(dirname, '../../media')

const isPlainName = (name: unknown): name is string =>
  typeof name === 'string' && name !== '' && path.basename(name) === name && !name.includes('\0')

/**
 * Payload answers 500 for a file name it cannot find on disk; a missing file or a name that is not a
 * plain file name is a 404 here. Returning nothing lets Payload stream the file that does exist.
 * On S3 (lib/storage/s3.ts) only the name is checked here: the adapter's handler, next in line,
 * answers 404 for a key the bucket does not have.
 */
const isFile = (name: unknown) =>
  !isPlainName(name)
    ? Promise.resolve(false)
    : mediaOnS3
      ? Promise.resolve(true)
      : fs.stat(path.join(staticDir, name)).then((s) => s.isFile(), () => false)

// Payload passes on to its own file streaming when a handler resolves to nothing.
const missingFile = (_req: unknown, { params }: { params: { filename: string } }) =>
  isFile(params.filename).then((exists) =>
    exists ? undefined : Response.json({ errors: [{ message: 'Not found.' }] }, { status: 404 }),
  ) as Promise<Response>

const webp = { format: 'webp', options: { quality: 72 } } as const

export const Media: CollectionConfig = {
  slug: 'media',
  access: { create: editors, read: anyone, update: editors, delete: editors },
  admin: { useAsTitle: 'alt' },
  // Files are served with a year-long immutable Cache-Control, so a new file must get a new name.
  hooks: { beforeOperation: [nameByContent] },
  fields: [
    {
      name: 'alt',
      label: 'Alt text',
      type: 'text',
      required: true,
      admin: { description: 'Describe the image for readers who cannot see it.' },
    },
    { name: 'caption', type: 'text' },
    importIdField('WordPress attachment id'),
  ],
  upload: {
    staticDir,
    handlers: [missingFile],
    mimeTypes: IMAGE_MIME_TYPES,
    focalPoint: true,
    // WebP variants (AVIF measured about 20 % smaller here but 5–8× slower to encode on upload, and
    // every browser that reads AVIF reads WebP): cropped 16:9 for cards, full-frame for heroes,
    // and a 1200 × 630 JPEG for link previews (some sharing crawlers still skip WebP).
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 225, position: 'centre', formatOptions: webp },
      { name: 'card', width: 768, height: 432, position: 'centre', formatOptions: webp },
      { name: 'medium', width: 800, formatOptions: webp },
      { name: 'hero', width: 1600, formatOptions: webp },
      { name: 'og', width: 1200, height: 630, position: 'centre', formatOptions: { format: 'jpeg', options: { quality: 80, mozjpeg: true } } },
    ],
    adminThumbnail: 'thumbnail',
    // A file's name changes whenever its bytes do (hooks/nameByContent.ts), so browsers and CDNs
    // may keep it for a year without asking again. Not on a refused range (`bytes */size`).
    modifyResponseHeaders: ({ headers }) => {
      if (!headers.get('Content-Range')?.startsWith('bytes */')) headers.set('Cache-Control', IMMUTABLE)
      return headers
    },
  },
}
