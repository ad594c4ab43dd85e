import type { ServerComponentProps } from 'payload'

import { siteName } from '@/lib/env.mjs'
import { CommentModerationControls } from './CommentModerationControls'

/**
 * The top of a comment's sidebar: Approve / Spam / Trash, Reply as the publication, Block this
 * commenter, and "View on site". The article's
 * address is read here, with the signed-in staff member's own rights.
 */
export async function CommentModeration({ data, id, payload, user }: ServerComponentProps & { id?: number | string }) {
  const commentId = id ?? data?.id
  if (commentId === undefined || commentId === null || commentId === '') return null
  const articleRef = data?.article
  const articleId = typeof articleRef === 'object' && articleRef ? articleRef.id : articleRef
  let slug: string | null = null
  if (typeof articleId === 'number' || typeof articleId === 'string') {
    const article = await payload.findByID({
      collection: 'articles',
      id: articleId,
      depth: 0,
      draft: false,
      disableErrors: true,
      overrideAccess: false,
      user,
      select: { slug: true },
    })
    slug = article?.slug ?? null
  }
  return (
    <CommentModerationControls
      commentId={String(commentId)}
      articleSlug={slug}
      publication={siteName()}
      byStaff={data?.byStaff === true}
    />
  )
}
