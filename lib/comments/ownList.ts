import type { Payload, Where } from 'payload'

import { now as clockNow } from '../clock'
import { PUBLIC_COMMENT_FIELDS, type PublicComment, readerIdOf, toAuthorsView } from './publicComment'
import { EDIT_WINDOW_MS } from './rules'

export type OwnComments = { docs: PublicComment[]; editable: { id: number; remainingMs: number }[] }

/**
 * This browser's own comments on an article: those awaiting moderation (named by the signed
 * cookie's ids, or the signed-in reader's), and which of the reader's comments they may still
 * edit, with the time left. Read with the reader's rights only.
 */
export async function ownCommentsOn(
  payload: Payload,
  articleId: number,
  own: number[],
  readerId: number | null,
  now = clockNow(),
): Promise<OwnComments> {
  if (own.length === 0 && !readerId) return { docs: [], editable: [] }
  const mine: Where[] = []
  if (own.length) mine.push({ id: { in: own } })
  if (readerId) mine.push({ reader: { equals: readerId } })
  const shown: Where[] = [{ and: [{ or: mine }, { status: { in: ['pending', 'spam'] } }] }]
  if (readerId)
    shown.push({
      and: [
        { reader: { equals: readerId } },
        {
          createdAt: { greater_than_equal: new Date(now.getTime() - EDIT_WINDOW_MS).toISOString() },
        },
      ],
    })
  const { docs } = await payload.find({
    collection: 'comments',
    overrideAccess: false,
    context: { ownCommentIds: own, ...(readerId ? { readerId } : {}) },
    where: { and: [{ article: { equals: articleId } }, { or: shown }] },
    sort: 'createdAt',
    depth: 0,
    limit: 100,
    select: { ...PUBLIC_COMMENT_FIELDS, reader: true },
  })
  const editable = docs
    .filter((d) => readerId && readerIdOf(d) === readerId && (d.status === 'approved' || d.status === 'pending'))
    .map((d) => ({
      id: d.id,
      remainingMs: new Date(d.createdAt).getTime() + EDIT_WINDOW_MS - now.getTime(),
    }))
    .filter((e) => e.remainingMs > 0)
  // Spam is shown to its author as awaiting moderation, exactly like a held comment.
  const pending = docs.filter((d) => d.status === 'pending' || d.status === 'spam').map(toAuthorsView)
  return { docs: pending, editable }
}
