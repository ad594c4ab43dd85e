import type { Access } from 'payload'

import { hasRole } from './roles'

/**
 * Comment reports: moderators and admins see and manage them. Serving a reader's "Report" form,
 * the server (lib/comments/report.ts marks req.context, which no API caller can set) files one
 * and counts them; nobody else reads or writes them, over REST, GraphQL or the Local API.
 */
export const moderatorsOrReportSubmission: Access = ({ req: { user, context } }) =>
  hasRole(user, 'admin', 'moderator') || context?.commentReport === true
