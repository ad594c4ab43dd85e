import type { CollectionConfig } from 'payload'

import { readerSystem } from '@/access/readerSystem'

/**
 * Readers' sign-in sessions (next-auth "database" strategy). Only a SHA-256 of each session
 * token is stored, so a copy of the database signs nobody in. Reachable by nobody over the API.
 */
export const ReaderSessions: CollectionConfig = {
  slug: 'reader-sessions',
  access: { create: readerSystem, read: readerSystem, update: readerSystem, delete: readerSystem },
  admin: { hidden: true },
  fields: [
    { name: 'tokenHash', type: 'text', required: true, unique: true, index: true },
    { name: 'reader', type: 'relationship', relationTo: 'readers', required: true, index: true },
    { name: 'expires', type: 'date', required: true, index: true },
  ],
}
