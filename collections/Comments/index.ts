import type { CollectionConfig } from 'payload'

import { commentsCreate } from '@/access/commentsCreate'
import { commentsRead } from '@/access/commentsRead'
import { moderatorsField } from '@/access/moderatorsField'
import { commentsUpdate } from '@/access/commentsUpdate'
import { moderatorsOrOwnRecent } from '@/access/ownComment'
import { ownReaderField, staffField, serverEditOnly, staffOrSubmission } from '@/access/staffField'
import { importIdField } from '@/fields/importId'
import { LIMITS } from '@/lib/comments/messages'
import { notifyAboutComment } from './hooks/notify'
import { recordModeration } from './hooks/recordModeration'
import { staffReply } from './hooks/staffReply'
import { recountReaderOnChange, recountReaderOnDelete } from './hooks/recountReader'
import { revalidateCommentOnChange, revalidateCommentOnDelete } from './hooks/revalidateComment'

export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const

const privateField = { read: staffField, create: staffOrSubmission, update: () => false }
/** Who wrote it and from where: moderators and admins only, editors neither. */
const personalField = { ...privateField, read: moderatorsField }

export const Comments: CollectionConfig = {
  slug: 'comments',
  access: { create: commentsCreate, read: commentsRead, update: commentsUpdate, delete: moderatorsOrOwnRecent },
  admin: {
    useAsTitle: 'excerpt',
    defaultColumns: ['excerpt', 'authorName', 'article', 'status', 'verdict', 'createdAt'],
    listSearchableFields: ['body', 'authorName', 'authorEmail'],
    description: 'Reader comments. New ones wait in the pending queue until a moderator decides.',
    components: {
      beforeList: ['/components/admin/PendingQueueRedirect#PendingQueueRedirect'],
      beforeListTable: [
        '/components/admin/CommentQueueTabs#CommentQueueTabs',
        '/components/admin/BulkModeration#BulkModeration',
        '/components/admin/QueueShortcuts#QueueShortcuts',
      ],
    },
  },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'excerpt',
      type: 'text',
      admin: { readOnly: true },
      hooks: { beforeChange: [({ siblingData }) => excerptOf(siblingData.body)] },
    },
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      required: true,
      index: true,
      access: { update: () => false },
      admin: { components: { Cell: '/components/admin/ArticleCell#ArticleCell' } },
    },
    {
      name: 'parent',
      label: 'In reply to',
      type: 'relationship',
      relationTo: 'comments',
      index: true,
      access: { update: () => false },
    },
    { name: 'body', label: 'Comment', type: 'textarea', required: true, maxLength: LIMITS.body },
    { name: 'authorName', label: 'Name', type: 'text', maxLength: LIMITS.authorName },
    { name: 'authorEmail', label: 'Email', type: 'email', access: personalField },
    {
      name: 'moderation',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/admin/CommentModeration#CommentModeration' } },
    },
    {
      name: 'reader',
      label: 'Signed-in reader',
      type: 'relationship',
      relationTo: 'readers',
      index: true,
      access: { read: ownReaderField, create: staffOrSubmission, update: () => false },
      admin: { position: 'sidebar', readOnly: true, description: 'Set when the author was signed in.' },
    },
    { name: 'authorUrl', label: 'Website', type: 'text', maxLength: LIMITS.authorUrl },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      options: COMMENT_STATUSES.map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value })),
      access: { create: staffOrSubmission },
      admin: { position: 'sidebar', components: { Cell: '/components/admin/StatusCell#StatusCell' } },
    },
    {
      name: 'verdict',
      label: 'Automatic verdict',
      type: 'json',
      access: { ...privateField, update: serverEditOnly },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Each rule that hit, its weight and why.',
        components: {
          Cell: '/components/admin/VerdictCell#VerdictCell',
          Field: '/components/admin/VerdictField#VerdictField',
        },
      },
    },
    {
      name: 'ip',
      label: 'IP address (truncated)',
      type: 'text',
      access: personalField,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'ipHash',
      type: 'text',
      index: true,
      access: { ...privateField, read: () => false },
      admin: { hidden: true },
    },
    { name: 'userAgent', type: 'text', access: personalField, admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'notify',
      label: 'Email the author on approval and replies',
      type: 'checkbox',
      defaultValue: false,
      access: privateField,
      admin: { position: 'sidebar' },
    },
    {
      name: 'moderatedBy',
      type: 'relationship',
      relationTo: 'users',
      access: { read: staffField, create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
    importIdField('Imported from (WordPress or Disqus id)'),
    {
      // A comment written by a staff member on the old site (WordPress's comment_user_id).
      name: 'staffAuthor',
      type: 'relationship',
      relationTo: 'users',
      access: { read: staffField, create: staffField, update: () => false },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.staffAuthor) },
    },
    {
      // A reply written in /admin as the publication: shown on the site with a "Staff" badge.
      name: 'byStaff',
      label: 'Reply by the publication (staff)',
      type: 'checkbox',
      defaultValue: false,
      access: { create: moderatorsField, update: () => false },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.byStaff) },
    },
    // Indexed: moderation analytics (lib/analytics/moderation.ts) reads 30 days of decisions by this date.
    {
      name: 'moderatedAt',
      type: 'date',
      index: true,
      access: { read: staffField, create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
  hooks: {
    beforeChange: [staffReply, recordModeration],
    afterChange: [revalidateCommentOnChange, notifyAboutComment, recountReaderOnChange],
    afterDelete: [revalidateCommentOnDelete, recountReaderOnDelete],
  },
}

function excerptOf(body: unknown): string {
  const text = typeof body === 'string' ? body.replace(/\s+/g, ' ').trim() : ''
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}
