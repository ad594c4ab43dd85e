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
  // No published author yet: a condition nothing matches (ids start at 1). `false` would make
  // every reader's read of users a 403, and with it the sitemap and any /authors/<slug>.
  return { id: { in: ids.length > 0 ? ids : [0] } }
}
