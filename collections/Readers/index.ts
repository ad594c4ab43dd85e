import type { CollectionConfig } from 'payload'

import { readersDelete, readersRead, readersUpdate } from '@/access/readersRead'
import { readerSystem, readerSystemField } from '@/access/readerSystem'
import { hideCommentsField, hideCommentsOnSave } from './hooks/hideComments'
import { endSessionsOnBan } from './hooks/endSessionsOnBan'
import { forgetReader } from './hooks/forgetReader'

const readOnly = { readOnly: true, position: 'sidebar' } as const
/** Written only by the sign-in machinery and by bookkeeping hooks, never over the API. */
const systemField = { create: readerSystemField, update: readerSystemField }

/**
 * People who comment signed in (next-auth, lib/readers). Not a Payload auth collection: a reader
 * never signs in to /admin or the API, and staff accounts (users) never act as readers.
 */
export const Readers: CollectionConfig = {
  slug: 'readers',
  labels: { singular: 'Reader', plural: 'Readers' },
  access: { create: readerSystem, read: readersRead, update: readersUpdate, delete: readersDelete },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'createdAt', 'lastSeen', 'approvedCount', 'rejectedCount', 'banned'],
    listSearchableFields: ['name', 'email'],
    description: 'Readers who sign in on the site to comment. Ban a reader here; banning signs them out everywhere.',
  },
  defaultSort: '-createdAt',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 245 },
    // Written only by the sign-in flow: a moderator who could change it could sign in as the reader.
    { name: 'email', type: 'email', unique: true, index: true, access: systemField },
    {
      name: 'emailVerified',
      label: 'Email verified at',
      type: 'date',
      access: systemField,
      admin: readOnly,
    },
    { name: 'image', type: 'text', maxLength: 500, access: systemField, admin: { readOnly: true } },
    {
      name: 'accounts',
      label: 'Linked sign-in accounts',
      type: 'join',
      collection: 'reader-accounts',
      on: 'reader',
      admin: { defaultColumns: ['provider', 'providerAccountId', 'createdAt'] },
    },
    { name: 'lastSeen', type: 'date', access: systemField, admin: readOnly },
    {
      name: 'approvedCount',
      label: 'Approved comments',
      type: 'number',
      defaultValue: 0,
      access: systemField,
      admin: readOnly,
    },
    {
      name: 'rejectedCount',
      label: 'Rejected comments (spam or trash)',
      type: 'number',
      defaultValue: 0,
      access: systemField,
      admin: readOnly,
    },
    {
      type: 'collapsible',
      label: 'Ban',
      fields: [
        {
          name: 'banned',
          type: 'checkbox',
          defaultValue: false,
          admin: {
            description: 'A banned reader cannot post comments. Saving a ban signs them out of every session.',
          },
        },
        {
          name: 'banReason',
          label: 'Reason (shown to the reader)',
          type: 'textarea',
          maxLength: 500,
        },
        {
          name: 'bannedUntil',
          label: 'Banned until (empty: for good)',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        hideCommentsField,
      ],
    },
  ],
  hooks: { afterChange: [endSessionsOnBan, hideCommentsOnSave], beforeDelete: [forgetReader] },
}
