import type { CollectionConfig } from 'payload'

import { moderators } from '@/access/moderators'
import { nobody } from '@/access/nobody'
import { staff } from '@/access/staff'
import { importIdField } from '@/fields/importId'

/**
 * WordPress pingbacks and trackbacks, kept apart from reader comments: imported for the record,
 * never shown on the site, never counted as comments or towards anyone's trust.
 */
export const Pingbacks: CollectionConfig = {
  slug: 'pingbacks',
  access: { create: nobody, read: staff, update: moderators, delete: moderators },
  admin: {
    useAsTitle: 'sourceUrl',
    defaultColumns: ['sourceUrl', 'type', 'article', 'status', 'receivedAt'],
    description: 'Pingbacks and trackbacks imported from WordPress. Never shown to readers.',
  },
  defaultSort: '-receivedAt',
  fields: [
    { name: 'type', type: 'select', required: true, options: ['pingback', 'trackback'] },
    { name: 'article', type: 'relationship', relationTo: 'articles', index: true },
    { name: 'page', type: 'relationship', relationTo: 'pages' },
    { name: 'sourceName', type: 'text' },
    { name: 'sourceUrl', type: 'text' },
    { name: 'excerpt', type: 'textarea' },
    { name: 'ip', type: 'text' },
    { name: 'status', type: 'select', options: ['approved', 'pending', 'spam', 'trash'] },
    { name: 'receivedAt', type: 'date' },
    importIdField('WordPress comment id'),
  ],
}
