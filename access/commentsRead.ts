import type { Access, Where } from 'payload'

import { isStaff } from './roles'

/**
 * Staff read every comment. Everyone else reads approved comments only, plus (server-side only,
 * through req.context, which no API caller can set) the pending comments their own browser
 * posted, proven by a signed cookie.
 */
export const commentsRead: Access = ({ req: { user, context } }) => {
  if (isStaff(user)) return true
  const approved: Where = { status: { equals: 'approved' } }
  const own = (context?.ownCommentIds as number[] | undefined) ?? []
  return own.length ? { or: [approved, { and: [{ id: { in: own } }, { status: { equals: 'pending' } }] }] } : approved
}
