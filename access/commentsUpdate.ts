import type { Access } from 'payload'

import { moderatorsOrOwnRecent } from './ownComment'

/**
 * Who changes a comment: moderators, a reader editing their own (access/ownComment.ts), and,
 * when readers' reports reach the threshold (lib/comments/report.ts), the server sending an
 * approved comment back to the queue. Only the server sets req.context; no API caller can.
 */
export const commentsUpdate: Access = (args) => {
  if (args.req.context?.reportThreshold === true) return { status: { equals: 'approved' } }
  return moderatorsOrOwnRecent(args)
}
