'use server'
import { MESSAGES } from '@/lib/comments/messages'
import { deleteOwnComment, editOwnComment, type OwnResult } from '@/lib/comments/own'
import { parseId } from '@/lib/ids'
import { payload } from '@/lib/payload'
import { requestMeta } from '@/lib/requestAddress'
import { sessionReaderId } from '@/lib/readers/session'

/**
 * A signed-in reader's edit and delete of their own comment (10 minutes after posting). The
 * session, not anything the browser sends, says who they are; the comments API stays closed.
 */
export async function editComment(id: number, body: string): Promise<OwnResult> {
  const readerId = await sessionReaderId()
  if (!readerId) return { ok: false, message: MESSAGES.signInToEdit }
  const commentId = parseId(id)
  if (commentId === null) return { ok: false, message: MESSAGES.notYours }
  return editOwnComment(await payload(), readerId, commentId, String(body ?? ''), await requestMeta())
}

export async function deleteComment(id: number): Promise<OwnResult> {
  const readerId = await sessionReaderId()
  if (!readerId) return { ok: false, message: MESSAGES.signInToEdit }
  const commentId = parseId(id)
  if (commentId === null) return { ok: false, message: MESSAGES.notYours }
  return deleteOwnComment(await payload(), readerId, commentId)
}
