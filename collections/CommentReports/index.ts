import type { CollectionConfig } from 'payload'

import { moderators } from '@/access/moderators'
import { moderatorsOrReportSubmission } from '@/access/reportSubmission'
import { staffField } from '@/access/staffField'
import { REPORT_REASONS } from './reasons'

/**
 * Readers' reports of approved comments ("Report" under each comment). Once a comment has as
 * many reports as Discussion settings say, it goes back to the pending queue.
 */
export const CommentReports: CollectionConfig = {
  slug: 'comment-reports',
  labels: { singular: 'Comment report', plural: 'Comment reports' },
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    create: moderatorsOrReportSubmission,
    read: moderatorsOrReportSubmission,
    update: () => false,
    delete: moderators,
  },
  admin: {
    useAsTitle: 'reason',
    defaultColumns: ['comment', 'reason', 'ip', 'createdAt'],
    description:
      'Reports filed by readers. A comment with as many reports as Discussion settings say goes back to the pending queue.',
  },
  defaultSort: '-createdAt',
  // One report per reader (or, anonymous, per address) and comment.
  indexes: [{ fields: ['comment', 'reporterKey'], unique: true }],
  fields: [
    {
      name: 'comment',
      type: 'relationship',
      relationTo: 'comments',
      required: true,
      index: true,
      admin: { readOnly: true },
    },
    {
      name: 'reason',
      type: 'select',
      required: true,
      options: REPORT_REASONS.map((r) => ({ ...r })),
      admin: { readOnly: true },
    },
    {
      name: 'reader',
      label: 'Signed-in reader',
      type: 'relationship',
      relationTo: 'readers',
      access: { read: staffField },
      admin: { readOnly: true },
    },
    {
      name: 'ip',
      label: 'IP address (truncated)',
      type: 'text',
      access: { read: staffField },
      admin: { readOnly: true },
    },
    // The reader's id or a keyed hash of the address: what makes a report one per reporter.
    { name: 'reporterKey', type: 'text', required: true, access: { read: () => false }, admin: { hidden: true } },
  ],
}
