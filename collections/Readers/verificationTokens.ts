import type { CollectionConfig } from 'payload'

import { readerSystem } from '@/access/readerSystem'

/**
 * Magic-link tokens, stored hashed by next-auth (SHA-256 of token and secret). Each is deleted
 * when used (lib/readers/adapter.ts, one atomic DELETE … RETURNING), so a link works once.
 */
export const ReaderVerificationTokens: CollectionConfig = {
  slug: 'reader-verification-tokens',
  access: { create: readerSystem, read: readerSystem, update: readerSystem, delete: readerSystem },
  admin: { hidden: true },
  fields: [
    { name: 'identifier', type: 'text', required: true, index: true },
    { name: 'token', type: 'text', required: true, unique: true },
    { name: 'expires', type: 'date', required: true, index: true },
  ],
}
