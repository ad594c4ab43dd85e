import type { Access } from 'payload'

import { hasRole } from './roles'

/**
 * Admins and moderators (who read everything in the admin) see all staff accounts;
 * editors see only themselves; anonymous visitors see none.
 */
export const staffReadUsers: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'moderator')) return true
  if (user) return { id: { equals: user.id } }
  return false
}
