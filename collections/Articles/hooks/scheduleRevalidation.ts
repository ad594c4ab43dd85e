import type { CollectionAfterChangeHook } from 'payload'

import type { Article } from '@/payload-types'
import { now } from '@/lib/clock'

/**
 * A published article with a future publishedAt is hidden by access rules until then; a queued
 * job expires the cached pages at that moment so it appears without anyone editing it again.
 */
export const scheduleRevalidation: CollectionAfterChangeHook<Article> = async ({ doc, previousDoc, req }) => {
  if (doc._status !== 'published' || !doc.publishedAt) return doc
  const at = new Date(doc.publishedAt)
  if (
    at.getTime() <= now().getTime() ||
    (doc.publishedAt === previousDoc?.publishedAt && previousDoc?._status === 'published')
  )
    return doc
  await req.payload.jobs.queue({
    task: 'revalidateArticle',
    input: { articleId: doc.id },
    waitUntil: at,
    req,
  })
  return doc
}
