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
        description:
          'A run whose process is gone (or silent for 5 minutes) while still "running" was interrupted (killed): the next run of the same importer marks it so.',
      },
    },
    // Whether a "running" run is still alive (scripts/import/lib/importRun.ts).
    { name: 'host', type: 'text', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'pid', type: 'number', admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'heartbeatAt',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
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
