import { cookies } from 'next/headers'

import { OWN_COMMENTS_COOKIE, readOwnComments } from '@/lib/comments/identity'
import { payload } from '@/lib/payload'

/**
 * This browser's own comments on an article that still await moderation. Read with the
 * reader's rights only; the signed cookie (not anything the client sends) names the comments.
 */
export async function GET(request: Request) {
  const articleId = Number(new URL(request.url).searchParams.get('article'))
  const own = readOwnComments((await cookies()).get(OWN_COMMENTS_COOKIE)?.value)
  const headers = { 'Cache-Control': 'private, no-store' }
  if (!Number.isInteger(articleId) || own.length === 0) return Response.json({ docs: [] }, { headers })
  const { docs } = await (await payload()).find({
    collection: 'comments',
    overrideAccess: false,
    context: { ownCommentIds: own },
    where: { id: { in: own }, article: { equals: articleId }, status: { equals: 'pending' } },
    sort: 'createdAt',
    depth: 0,
    limit: own.length,
    select: { body: true, authorName: true, authorUrl: true, createdAt: true, status: true, parent: true },
  })
  return Response.json({ docs }, { headers })
}
