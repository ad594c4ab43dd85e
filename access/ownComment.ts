import type { Access, Where } from 'payload'

import { EDIT_WINDOW_MS } from '@/lib/comments/rules'
import { now } from '@/lib/clock'
import { hasRole } from './roles'

/**
 * Moderators and admins change and delete any comment. Serving a signed-in reader's edit or
 * delete (lib/comments/own.ts sets req.context.commentEditBy from the verified session), the
 * server reaches only that reader's comments younger than the edit window.
 */
export const moderatorsOrOwnRecent: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'moderator')) return true
  const readerId = req.context?.commentEditBy
  if (typeof readerId !== 'number') return false
  const since = new Date(now().getTime() - EDIT_WINDOW_MS).toISOString()
  const own: Where = {
    and: [
      { reader: { equals: readerId } },
      { createdAt: { greater_than_equal: since } },
      { status: { in: ['approved', 'pending'] } },
    ],
  }
  return own
}
