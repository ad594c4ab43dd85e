import type { Payload } from 'payload'
import { unstable_cache } from 'next/cache'

import { TAGS } from '../cacheTags'
import { payload } from '../payload'
import { loadSettings } from './settings'
import type { PublicComment } from './submit'

/** Approved comments of one article, public fields only, read as an anonymous reader: one query. */
export async function findApprovedComments(client: Payload, articleId: number): Promise<PublicComment[]> {
  const { docs } = await client.find({
    collection: 'comments',
    overrideAccess: false,
    where: { article: { equals: articleId }, status: { equals: 'approved' } },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
    select: { body: true, authorName: true, authorUrl: true, createdAt: true, parent: true, status: true },
  })
  return docs.map((d) => ({
    id: d.id,
    body: d.body,
    authorName: d.authorName,
    authorUrl: d.authorUrl,
    createdAt: d.createdAt,
    status: d.status,
    parent: typeof d.parent === 'object' && d.parent ? d.parent.id : (d.parent ?? null),
  }))
}

export const getApprovedComments = (articleId: number) =>
  unstable_cache(async () => findApprovedComments(await payload(), articleId), ['approved-comments', String(articleId)], {
    tags: [TAGS.comments(articleId), TAGS.allComments],
  })()

export const getDiscussionSettings = () =>
  unstable_cache(async () => loadSettings(await payload()), ['discussion-settings'], { tags: [TAGS.discussion] })()
