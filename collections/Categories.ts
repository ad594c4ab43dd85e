import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { editors } from '@/access/editors'
import { importIdField } from '@/fields/importId'
import { parentField } from '@/fields/parent'
import { slugField } from '@/fields/slug'
import { revalidateCategory } from '@/lib/revalidate'

export const Categories: CollectionConfig = {
  slug: 'categories',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug'] },
  access: { create: editors, read: anyone, update: editors, delete: editors },
  hooks: {
    afterChange: [({ doc, previousDoc, req }) => revalidateCategory(req, doc, previousDoc)],
    afterDelete: [({ doc, req }) => revalidateCategory(req, doc)],
  },
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField(),
    parentField('categories'),
    importIdField('WordPress term id'),
  ],
}
