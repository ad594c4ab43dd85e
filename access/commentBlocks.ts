import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/**
 * Blocked commenters: moderators and admins read and manage them; editors and anonymous callers
 * never see them, over REST, GraphQL or the Local API. Serving a reader's comment, the server's
 * comment rules (lib/comments/submit.ts marks req.context, which no API caller can set) look up
 * whether the sender is blocked.
 */
export const commentBlocksRead: Access = ({ req: { user, context } }) =>
  hasRole(user, 'admin', 'moderator') || context?.commentSubmission === true

/** The stored hashes: only the comment rules' lookup reads (and queries) them. */
export const commentCheckField: FieldAccess = ({ req: { context } }) => context?.commentSubmission === true
