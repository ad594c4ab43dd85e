import type { CollectionConfig } from 'payload'

import { editors } from '@/access/editors'
import { staffOrPublished } from '@/access/staffOrPublished'
import { importIdField } from '@/fields/importId'
import { parentField } from '@/fields/parent'
import { articleEditor } from '@/fields/richText'
import { publishedAtField } from '@/fields/publishedAt'
import { slugField } from '@/fields/slug'
import { RESERVED_SEGMENTS } from '@/lib/pagePaths'
import { pagePreviewUrl } from '@/lib/preview'
import { computePath } from './hooks/computePath'
import { revalidatePageOnChange, revalidatePageOnDelete } from './hooks/revalidatePage'

/** Standing pages (About, Contact, nested pages) at /parent/child/, beside the articles. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  access: { create: editors, read: staffOrPublished, update: editors, delete: editors },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'path', '_status', 'updatedAt'],
    livePreview: { url: ({ data }) => pagePreviewUrl(data?.path) },
    preview: (data) => pagePreviewUrl(data?.path as string | undefined),
    // "View page": the live address while published (components/admin/ViewLiveLink.tsx);
    // "Schedule Publish" starts on Publish for a new draft and says what it does (ScheduleDefaults.tsx).
    components: {
      edit: {
        beforeDocumentControls: [
          '/components/admin/ViewLiveLink#ViewLiveLink',
          '/components/admin/ScheduleDefaults#ScheduleDefaults',
        ],
      },
    },
  },
  defaultSort: 'path',
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'content', type: 'richText', editor: articleEditor },
    {
      name: 'meta',
      label: 'SEO',
      type: 'group',
      fields: [
        { name: 'title', type: 'text', admin: { description: 'Defaults to the page title.' } },
        { name: 'description', type: 'textarea' },
        { name: 'image', type: 'upload', relationTo: 'media' },
      ],
    },
    slugField('title', { reservedAtTop: RESERVED_SEGMENTS }),
    parentField('pages'),
    {
      name: 'path',
      type: 'text',
      unique: true,
      index: true,
      admin: { position: 'sidebar', readOnly: true, description: 'The address, from the parent pages and the slug.' },
    },
    publishedAtField('page'),
    importIdField('WordPress page id'),
  ],
  hooks: {
    beforeChange: [computePath],
    afterChange: [revalidatePageOnChange],
    afterDelete: [revalidatePageOnDelete],
  },
  versions: { drafts: { autosave: { interval: 800 } }, maxPerDoc: 50 },
}
