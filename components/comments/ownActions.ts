'use server'
import { headers } from 'next/headers'

import { MESSAGES } from '@/lib/comments/messages'
import { deleteOwnComment, editOwnComment, type OwnResult } from '@/lib/comments/own'
import { payload } from '@/lib/payload'
import { sessionReaderId } from '@/lib/readers/session'

/**
 * A signed-in reader's edit and delete of their own comment (10 minutes after posting). The
 * session, not anything the browser sends, says who they are; the comments API stays closed.
 */
export async function editComment(id: number, body: string): Promise<OwnResult> {
  const readerId = await sessionReaderId()
  if (!readerId) return { ok: false, message: MESSAGES.signInToEdit }
  const h = await headers()
  const meta = {
    ip: h.get('x-byline-client-ip') || 'unknown',
    userAgent: h.get('user-agent') || '',
  }
  return editOwnComment(await payload(), readerId, Number(id), String(body ?? ''), meta)
}

export async function deleteComment(id: number): Promise<OwnResult> {
  const readerId = await sessionReaderId()
  if (!readerId) return { ok: false, message: MESSAGES.signInToEdit }
  return deleteOwnComment(await payload(), readerId, Number(id))
}
