import type { CollectionConfig } from 'payload'

import { admins } from '@/access/admins'
import { nobody } from '@/access/nobody'

/** One row per importer run (scripts/import): what was read, by whom, what came of it. */
export const Imports: CollectionConfig = {
  slug: 'imports',
  access: { create: nobody, read: admins, update: nobody, delete: admins },
  admin: {
    useAsTitle: 'fileName',
    defaultColumns: ['fileName', 'source', 'state', 'startedAt', 'durationMs', 'dryRun'],
    description: 'Runs of `npm run import:wordpress` and `npm run import:disqus`.',
  },
  defaultSort: '-startedAt',
  fields: [
    { name: 'source', type: 'select', required: true, options: ['wordpress', 'disqus'] },
    { name: 'fileName', type: 'text', required: true },
    { name: 'fileHash', label: 'SHA-256', type: 'text' },
    { name: 'fileSize', type: 'number' },
    { name: 'importedBy', type: 'relationship', relationTo: 'users' },
    { name: 'dryRun', type: 'checkbox', defaultValue: false },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'running',
      options: ['running', 'finished', 'failed', 'interrupted'],
      admin: {
        description: 'A run still "running" when the next one starts was interrupted (killed) and is marked so.',
      },
    },
    { name: 'startedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'durationMs', label: 'Duration (ms)', type: 'number' },
    {
      name: 'counts',
      type: 'json',
      admin: { description: 'Per kind: created, existing (already imported), skipped.' },
    },
    { name: 'warnings', type: 'json', admin: { description: 'Everything skipped or changed, with the reason.' } },
    { name: 'error', type: 'textarea' },
  ],
}
