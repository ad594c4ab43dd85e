import type { CollectionConfig, Where } from 'payload'

import { editors } from '@/access/editors'
import { staffOrPublished } from '@/access/staffOrPublished'
import { importIdField } from '@/fields/importId'
import { articleEditor } from '@/fields/richText'
import { publishedAtField } from '@/fields/publishedAt'
import { slugField } from '@/fields/slug'
import { previewUrl } from '@/lib/preview'
import { NOT_EMPTY_DRAFT } from './emptyDrafts'
import { deleteComments } from './hooks/deleteComments'
import { populateAuthors } from './hooks/populateAuthors'
import { rememberPreviousSlug } from './hooks/rememberPreviousSlug'
import { revalidateArticleOnChange, revalidateArticleOnDelete } from './hooks/revalidateArticle'
import { scheduleRevalidation } from './hooks/scheduleRevalidation'

export const MAX_RELATED_ARTICLES = 6

export const Articles: CollectionConfig = {
  slug: 'articles',
  access: { create: editors, read: staffOrPublished, update: editors, delete: editors },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'publishedAt', 'updatedAt'],
    livePreview: { url: ({ data }) => previewUrl(data?.slug) },
    preview: (data) => previewUrl(data?.slug as string | undefined),
    // "Create New" clicks that went no further are not listed (collections/Articles/emptyDrafts.ts).
    baseFilter: () => NOT_EMPTY_DRAFT,
    // "View article": the live address while published (components/admin/ViewLiveLink.tsx);
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
  defaultSort: '-publishedAt',
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'excerpt', type: 'textarea', admin: { description: 'One or two sentences for lists and search results.' } },
    { name: 'heroImage', type: 'upload', relationTo: 'media' },
    { name: 'content', type: 'richText', editor: articleEditor },
    {
      name: 'relatedArticles',
      label: 'Read more',
      type: 'relationship',
      relationTo: 'articles',
      hasMany: true,
      maxRows: MAX_RELATED_ARTICLES,
      // Never populated: "Read more" reads the picked articles and their thumbnails in one SQL
      // query (lib/relatedArticles.ts), instead of a populate query plus a media query.
      maxDepth: 0,
      admin: {
        description:
          'Hand-picked links shown under "Read more:" (at most 6). Left empty, the latest articles sharing a category or tag are shown.',
      },
      // Neither the article itself nor one without a title (it would be offered as "Untitled").
      filterOptions: ({ id }): Where => {
        const titled: Where = { title: { exists: true } }
        return id ? { and: [titled, { id: { not_equals: id } }] } : titled
      },
      validate: (value: unknown, { id }: { id?: string | number }) => {
        const ids = (Array.isArray(value) ? value : []).map((v) =>
          String(typeof v === 'object' && v ? (v as { id: unknown }).id : v),
        )
        if (id !== undefined && ids.includes(String(id))) return 'An article cannot link to itself under "Read more".'
        if (ids.length > MAX_RELATED_ARTICLES) return `Pick at most ${MAX_RELATED_ARTICLES} related articles.`
        return true
      },
    },
    {
      name: 'meta',
      label: 'SEO',
      type: 'group',
      fields: [
        { name: 'title', type: 'text', admin: { description: 'Defaults to the article title.' } },
        { name: 'description', type: 'textarea', admin: { description: 'Defaults to the excerpt.' } },
        { name: 'image', type: 'upload', relationTo: 'media', admin: { description: 'Defaults to the hero image.' } },
      ],
    },
    slugField(),
    publishedAtField('article'),
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      // Whoever starts the article is its first author unless they pick others.
      defaultValue: ({ user }: { user?: { id: number } | null }) => (user ? [user.id] : []),
      admin: { position: 'sidebar' },
    },
    {
      name: 'categories',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
      index: true,
      admin: { position: 'sidebar' },
    },
    { name: 'tags', type: 'text', hasMany: true, admin: { position: 'sidebar' } },
    {
      name: 'commentsOpen',
      label: 'Comments open',
      type: 'checkbox',
      defaultValue: true,
      admin: { position: 'sidebar' },
    },
    {
      // Authors' public names, copied on save: readers may not read the users collection.
      name: 'populatedAuthors',
      type: 'array',
      access: { update: () => false },
      admin: { disabled: true, readOnly: true },
      fields: [
        { name: 'authorId', type: 'text' },
        { name: 'name', type: 'text' },
      ],
    },
    importIdField('WordPress post id'),
    {
      // Slugs this article was published under before; those addresses answer 301 to the current one.
      name: 'previousSlugs',
      type: 'array',
      admin: { disabled: true, readOnly: true },
      fields: [{ name: 'slug', type: 'text', index: true }],
    },
  ],
  hooks: {
    beforeChange: [populateAuthors, rememberPreviousSlug],
    afterChange: [revalidateArticleOnChange, scheduleRevalidation],
    beforeDelete: [deleteComments],
    afterDelete: [revalidateArticleOnDelete],
  },
  versions: {
    drafts: { autosave: { interval: 800 }, schedulePublish: true },
    maxPerDoc: 50,
  },
}
