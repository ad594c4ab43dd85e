import type { Payload } from 'payload'
import { unstable_cache } from 'next/cache'
import { cache } from 'react'

import { TAGS } from '../cacheTags'
import { payload } from '../payload'
import { loadSettings } from './settings'
import { PUBLIC_COMMENT_FIELDS, type PublicComment, toPublicComment } from './publicComment'

/** Approved comments of one article, public fields only, read as an anonymous reader: one query. */
export async function findApprovedComments(client: Payload, articleId: number): Promise<PublicComment[]> {
  const { docs } = await client.find({
    collection: 'comments',
    overrideAccess: false,
    where: { article: { equals: articleId }, status: { equals: 'approved' } },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
    select: PUBLIC_COMMENT_FIELDS,
  })
  return docs.map(toPublicComment)
}

// React's cache: the comment section and the article's JSON-LD share one read per render.
export const getApprovedComments = cache((articleId: number) =>
  unstable_cache(async () => findApprovedComments(await payload(), articleId), ['approved-comments', String(articleId)], {
    tags: [TAGS.comments(articleId), TAGS.allComments],
  })(),
)

export const getDiscussionSettings = () =>
  unstable_cache(async () => loadSettings(await payload()), ['discussion-settings'], { tags: [TAGS.discussion] })()
