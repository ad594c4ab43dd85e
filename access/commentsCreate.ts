import type { Access } from 'payload'

import { hasRole } from './roles'

/**
 * Readers' comments are created only by the comment form's server action, after every rule in
 * lib/comments has run (it marks req.context, which REST and GraphQL callers cannot set).
 * Over the API only moderators and admins create comments (editors cannot post approved comments
 * under any name); anonymous API requests cannot create comments at all.
 */
export const commentsCreate: Access = ({ req: { user, context } }) =>
  hasRole(user, 'admin', 'moderator') || context?.commentSubmission === true
