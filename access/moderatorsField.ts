import type { FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Field-level: only moderators and admins (commenters' emails, addresses, user agents). */
export const moderatorsField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'moderator')
