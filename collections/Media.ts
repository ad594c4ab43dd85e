import type { CollectionConfig } from 'payload'
import fs from 'fs/promises'
import path from 'path'
import { fileURLToPath } from 'url'

import { anyone } from '@/access/anyone'
import { editors } from '@/access/editors'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * Raster images only. SVG, HTML and other active content are refused at upload; files are also
 * served with a sandboxing Content-Security-Policy (next.config.mjs) in case one slipped in.
 */
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']

const staticDir = process.env.MEDIA_DIR || path.resolve(dirname, '../media')

/**
 * Payload answers 500 for a file name it cannot find on disk; a missing file or a name that is not a
 * plain file name is a 404 here. Returning nothing lets Payload stream the file that does exist.
 */
const isFile = (name: unknown) =>
  typeof name === 'string' && name !== '' && path.basename(name) === name && !name.includes('\0')
    ? fs.stat(path.join(staticDir, name)).then((s) => s.isFile(), () => false)
    : Promise.resolve(false)

// Payload passes on to its own file streaming when a handler resolves to nothing.
const missingFile = (_req: unknown, { params }: { params: { filename: string } }) =>
  isFile(params.filename).then((exists) =>
    exists ? undefined : Response.json({ errors: [{ message: 'Not found.' }] }, { status: 404 }),
  ) as Promise<Response>

export const Media: CollectionConfig = {
  slug: 'media',
  access: { create: editors, read: anyone, update: editors, delete: editors },
  admin: { useAsTitle: 'alt' },
  fields: [
    {
      name: 'alt',
      label: 'Alt text',
      type: 'text',
      required: true,
      admin: { description: 'Describe the image for readers who cannot see it.' },
    },
    { name: 'caption', type: 'text' },
  ],
  upload: {
    staticDir,
    handlers: [missingFile],
    mimeTypes: IMAGE_MIME_TYPES,
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 225, position: 'centre' },
      { name: 'card', width: 768, height: 432, position: 'centre' },
      { name: 'hero', width: 1600 },
    ],
    adminThumbnail: 'thumbnail',
  },
}
