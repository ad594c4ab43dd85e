import { cookies } from 'next/headers'

import { OWN_COMMENTS_COOKIE, readOwnComments } from '@/lib/comments/identity'
import { ownCommentsOn } from '@/lib/comments/ownList'
import { payload } from '@/lib/payload'
import { sessionReaderId } from '@/lib/readers/session'

/**
 * This browser's own comments on an article that still await moderation, and (signed in) which
 * of the reader's comments they may still edit. The signed cookie and the session (not anything
 * the client sends) name them; lib/comments/own.ts reads them with the reader's rights only.
 */
export async function GET(request: Request) {
  const articleId = Number(new URL(request.url).searchParams.get('article'))
  const headers = { 'Cache-Control': 'private, no-store' }
  if (!Number.isInteger(articleId)) return Response.json({ docs: [], editable: [] }, { headers })
  const own = readOwnComments((await cookies()).get(OWN_COMMENTS_COOKIE)?.value)
  const readerId = await sessionReaderId()
  return Response.json(await ownCommentsOn(await payload(), articleId, own, readerId), { headers })
}
