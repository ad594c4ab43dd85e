import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Comment } from '@/payload-types'
import { revalidateComments } from '@/lib/revalidate'

const articleId = (doc: Comment) => (typeof doc.article === 'object' ? doc.article.id : doc.article)

/** The article's comment list and count change only when an approved comment appears or goes. */
export const revalidateCommentOnChange: CollectionAfterChangeHook<Comment> = ({ doc, previousDoc, req }) => {
  const wasShown = previousDoc?.status === 'approved'
  const isShown = doc.status === 'approved'
  if (wasShown || isShown) revalidateComments(req, articleId(doc))
  return doc
}

export const revalidateCommentOnDelete: CollectionAfterDeleteHook<Comment> = ({ doc, req }) => {
  if (doc.status === 'approved') revalidateComments(req, articleId(doc))
  return doc
}
