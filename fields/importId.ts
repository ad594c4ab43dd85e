import type { Field } from 'payload'

import { staffField } from '@/access/staffField'

/**
 * The id a record had where it was imported from (a WordPress post, term or comment id, a Disqus
 * post id). Unique: the importer finds a record by it, so a second run adds nothing.
 */
export const importIdField = (label: string, name = 'importId'): Field => ({
  name,
  label,
  type: 'text',
  unique: true,
  index: true,
  access: { read: staffField, update: () => false },
  admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.[name]) },
})
