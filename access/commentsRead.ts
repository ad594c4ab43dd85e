import type { Access, Where } from 'payload'

import { isStaff } from './roles'

/**
 * Staff read every comment. Everyone else reads approved comments only, plus (server-side only,
 * through req.context, which no API caller can set) the pending comments their own browser
 * posted, proven by a signed cookie, and a signed-in reader's own pending comments (and the
 * ones judged spam, which their author must not tell from pending ones).
 */
export const commentsRead: Access = ({ req: { user, context } }) => {
  if (isStaff(user)) return true
  const approved: Where = { status: { equals: 'approved' } }
  const own = (context?.ownCommentIds as number[] | undefined) ?? []
  const readerId = typeof context?.readerId === 'number' ? context.readerId : null
  const mine: Where[] = []
  if (own.length) mine.push({ id: { in: own } })
  if (readerId) mine.push({ reader: { equals: readerId } })
  if (!mine.length) return approved
  // Spam too: to its author it reads as awaiting moderation (lib/comments/publicComment.ts).
  return { or: [approved, { and: [{ or: mine }, { status: { in: ['pending', 'spam'] } }] }] }
}
