import type { Payload } from 'payload'

import { loadSettings } from './settings'
import { findApprovedComments } from './queries'
import { buildThreads, type ThreadNode } from './threads'

const contains = (node: ThreadNode, id: number): boolean => node.id === id || node.replies.some((r) => contains(r, id))

/**
 * Where an approved comment on a published article is shown: the article's address, the comment
 * page (threads are paginated by top-level thread, as CommentsSection does) and the anchor.
 * Null for any other comment. Read as an anonymous reader.
 */
export async function commentLocation(client: Payload, commentId: number): Promise<string | null> {
  if (!Number.isSafeInteger(commentId) || commentId < 1) return null
  const { docs } = await client.find({
    collection: 'comments',
    overrideAccess: false,
    where: { id: { equals: commentId }, status: { equals: 'approved' } },
    limit: 1,
    pagination: false,
    depth: 0,
    select: { article: true },
  })
  const articleId = docs[0]?.article
  if (typeof articleId !== 'number') return null
  const { docs: articles } = await client.find({
    collection: 'articles',
    overrideAccess: false,
    where: { id: { equals: articleId } },
    limit: 1,
    pagination: false,
    depth: 0,
    select: { slug: true },
  })
  const slug = articles[0]?.slug
  if (!slug) return null
  const [comments, settings] = await Promise.all([findApprovedComments(client, articleId), loadSettings(client)])
  const threads = buildThreads(comments, { maxDepth: settings.threadDepth, order: settings.order })
  const index = threads.findIndex((t) => contains(t, commentId))
  if (index === -1) return null
  const page = Math.floor(index / settings.perPage) + 1
  const base = page === 1 ? `/articles/${slug}` : `/articles/${slug}/comment-page/${page}`
  return `${base}#comment-${commentId}`
}
