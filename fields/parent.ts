import type { CollectionSlug, RelationshipField } from 'payload'

/** A parent of the same collection (category trees, nested pages); a document is never its own. */
export const parentField = (relationTo: CollectionSlug): RelationshipField => ({
  name: 'parent',
  type: 'relationship',
  relationTo,
  index: true,
  admin: { position: 'sidebar' },
  filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
})
