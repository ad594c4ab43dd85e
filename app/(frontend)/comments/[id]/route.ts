import { commentLocation } from '@/lib/comments/permalink'
import { serverUrl } from '@/lib/env.mjs'
import { parseId } from '@/lib/ids'
import { payload } from '@/lib/payload'

// A comment's permanent address: 301 to the article page that shows it, at its anchor. Only
// approved comments on published articles; anything else is 404.
export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const commentId = parseId(id)
  const location = commentId === null ? null : await commentLocation(await payload(), commentId)
  if (!location) {
    return new Response('Comment not found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
    })
  }
  return new Response(null, {
    status: 301,
    headers: { Location: `${serverUrl()}${location}`, 'Cache-Control': 'private, no-store' },
  })
}
