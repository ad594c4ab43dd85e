import type { CollectionConfig } from 'payload'

import { readerAccountsRead } from '@/access/readersRead'
import { readerSystem } from '@/access/readerSystem'

/**
 * A reader's linked sign-in accounts (GitHub, Google, OpenID Connect): which provider and the
 * reader's id there. Provider tokens are not kept: Byline never calls the providers' APIs.
 */
export const ReaderAccounts: CollectionConfig = {
  slug: 'reader-accounts',
  labels: { singular: 'Reader account', plural: 'Reader accounts' },
  access: {
    create: readerSystem,
    read: readerAccountsRead,
    update: readerSystem,
    delete: readerSystem,
  },
  admin: { hidden: true, useAsTitle: 'provider' },
  indexes: [{ fields: ['provider', 'providerAccountId'], unique: true }],
  fields: [
    { name: 'reader', type: 'relationship', relationTo: 'readers', required: true, index: true },
    { name: 'provider', type: 'text', required: true },
    {
      name: 'providerAccountId',
      label: 'Account id at the provider',
      type: 'text',
      required: true,
    },
    { name: 'type', type: 'text', required: true },
  ],
}
