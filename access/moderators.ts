import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins and moderators: the people who decide about reader comments. */
export const moderators: Access = ({ req: { user } }) => hasRole(user, 'admin', 'moderator')
