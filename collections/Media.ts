import type { CollectionConfig } from 'payload'
import path from 'path'
import { fileURLToPath } from 'url'

import { anyone } from '@/access/anyone'
import { editors } from '@/access/editors'
import { importIdField } from '@/fields/importId'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * Raster images only. SVG, HTML and other active content are refused at upload; files are also
 * served with a sandboxing Content-Security-Policy (next.config.mjs) in case one slipped in.
 */
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']

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
    importIdField('WordPress attachment id'),
  ],
  upload: {
    staticDir: process.env.MEDIA_DIR || path.resolve(dirname, '../media'),
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
