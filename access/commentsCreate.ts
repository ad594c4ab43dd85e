import type { Access } from 'payload'

import { isStaff } from './roles'

/**
 * Readers' comments are created only by the comment form's server action, after every rule in
 * lib/comments has run (it marks req.context, which REST and GraphQL callers cannot set).
 * Anonymous API requests cannot create comments at all.
 */
export const commentsCreate: Access = ({ req: { user, context } }) => isStaff(user) || context?.commentSubmission === true
