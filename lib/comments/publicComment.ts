import type { Comment } from '@/payload-types'

/** What any reader may see of a comment. */
export type PublicComment = Pick<Comment, 'id' | 'body' | 'authorName' | 'authorUrl' | 'createdAt' | 'status'> & {
  parent: number | null
  /** A reply as the publication, written by staff in /admin (shown with a "Staff" badge). */
  byStaff?: boolean
}

/** `select` for Local API reads that return public comments (add what else the caller needs). */
export const PUBLIC_COMMENT_FIELDS = {
  body: true,
  authorName: true,
  authorUrl: true,
  createdAt: true,
  status: true,
  parent: true,
  byStaff: true,
} as const

const idOf = (v: number | { id: number } | null | undefined) => (typeof v === 'object' && v ? v.id : (v ?? null))

/** The comment's reader (signed-in author) id, whether `reader` was populated or not. */
export const readerIdOf = (c: Pick<Comment, 'reader'>) => idOf(c.reader)

export const toPublicComment = (
  d: Pick<Comment, 'id' | 'body' | 'authorName' | 'authorUrl' | 'createdAt' | 'status' | 'parent'> &
    Partial<Pick<Comment, 'byStaff'>>,
): PublicComment => ({
  id: d.id,
  body: d.body,
  authorName: d.authorName,
  authorUrl: d.authorUrl,
  createdAt: d.createdAt,
  status: d.status,
  parent: idOf(d.parent),
  byStaff: Boolean(d.byStaff),
})

/**
 * The comment as its author is told about it: a comment judged spam reads as awaiting moderation,
 * like any held one, so a spammer never learns what tripped (or that anything did).
 */
export const toAuthorsView = (d: Parameters<typeof toPublicComment>[0]): PublicComment => {
  const shown = toPublicComment(d)
  return shown.status === 'spam' ? { ...shown, status: 'pending' } : shown
}
