import { cookies } from 'next/headers'

import { OWN_COMMENTS_COOKIE, ownCommentsCookieOptions, readOwnComments } from '@/lib/comments/identity'
import { ownCommentsOn } from '@/lib/comments/ownList'
import { serverUrl } from '@/lib/env.mjs'
import { parseId } from '@/lib/ids'
import { payload } from '@/lib/payload'
import { sessionReaderId } from '@/lib/readers/session'

/**
 * This browser's own comments on an article that still await moderation, and (signed in) which
 * of the reader's comments they may still edit. The signed cookie and the session (not anything
 * the client sends) name them; lib/comments/own.ts reads them with the reader's rights only.
 */
export async function GET(request: Request) {
  return listOwn(request, readOwnComments((await cookies()).get(OWN_COMMENTS_COOKIE)?.value))
}

/**
 * After a comment posted with JavaScript on: stores the signed value the comment form's action
 * returned (`{ "token": … }`) as this browser's httpOnly cookie, then answers like GET. Only a
 * value this server signed is stored, and only from a same-origin request.
 */
export async function POST(request: Request) {
  if (request.headers.get('sec-fetch-site') !== 'same-origin' && !sameOrigin(request)) {
    return Response.json({ error: 'cross-site request refused' }, { status: 403, headers: PRIVATE })
  }
  const body = (await request.json().catch(() => null)) as { token?: unknown } | null
  const token = typeof body?.token === 'string' ? body.token : ''
  const own = readOwnComments(token)
  if (own.length === 0)
    return Response.json({ error: 'not a comment token of this site' }, { status: 400, headers: PRIVATE })
  ;(await cookies()).set(OWN_COMMENTS_COOKIE, token, ownCommentsCookieOptions())
  return listOwn(request, own)
}

const PRIVATE = { 'Cache-Control': 'private, no-store' }

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin')
  return origin !== null && (origin === new URL(serverUrl()).origin || origin === new URL(request.url).origin)
}

async function listOwn(request: Request, own: number[]) {
  const articleId = parseId(new URL(request.url).searchParams.get('article'))
  if (articleId === null)
    return Response.json({ error: 'article must be an article id' }, { status: 400, headers: PRIVATE })
  const readerId = await sessionReaderId()
  return Response.json(await ownCommentsOn(await payload(), articleId, own, readerId), { headers: PRIVATE })
}
