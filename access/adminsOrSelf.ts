import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins reach every user; anyone signed in reaches only their own record. */
export const adminsOrSelf: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin')) return true
  if (user) return { id: { equals: user.id } }
  return false
}
