import type { Access } from 'payload'

import { publishedAuthorIds } from '@/lib/authors'
import { hasRole } from './roles'

/**
 * Admins and moderators (who read everything in the admin) see all staff accounts; editors see
 * only themselves; anyone else sees the authors of published articles, and of those only the
 * public profile fields (collections/Users keeps email and roles to staff).
 */
export const staffReadUsers: Access = async ({ req }) => {
  if (hasRole(req.user, 'admin', 'moderator')) return true
  if (req.user) return { id: { equals: req.user.id } }
  const ids = await publishedAuthorIds(req.payload)
  return ids.length > 0 ? { id: { in: ids } } : false
}
