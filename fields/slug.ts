import type { CollectionSlug, TextField } from 'payload'

import { slugify } from '@/lib/slugify'

/**
 * A unique, URL-safe slug made from the title when left empty, editable in the sidebar.
 * A typed slug is normalised; a slug another document already uses is refused with a clear message.
 */
export const slugField = (from = 'title', options: { reservedAtTop?: Set<string> } = {}): TextField => ({
  name: 'slug',
  type: 'text',
  index: true,
  unique: true,
  admin: {
    position: 'sidebar',
    description: `Part of the address. Left empty, it is made from the ${from}.`,
  },
  hooks: {
    beforeValidate: [
      ({ value, data, originalDoc }) => {
        if (typeof value === 'string' && value.trim()) return slugify(value)
        const source = data?.[from] ?? originalDoc?.[from]
        return typeof source === 'string' && source.trim() ? slugify(source) : value
      },
    ],
  },
  validate: async (value, { req, id, collectionSlug, data }) => {
    if (value === null || value === undefined || value === '') return true
    // A top-level page may not take the address of one of the site's own routes (lib/pagePaths.ts).
    if (options.reservedAtTop?.has(String(value)) && !(data as { parent?: unknown })?.parent) {
      return `"/${value}/" is one of the site's own addresses; choose another slug or a parent page.`
    }
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(String(value))) {
      return 'A slug may hold only lowercase letters, digits and hyphens.'
    }
    const { docs } = await req.payload.find({
      collection: collectionSlug as CollectionSlug,
      where: { slug: { equals: value }, ...(id ? { id: { not_equals: id } } : {}) },
      limit: 1,
      depth: 0,
      pagination: false,
      req,
      draft: true,
      select: {},
    })
    return docs.length === 0 || `The slug "${value}" is already used by another document. Choose another.`
  },
})
