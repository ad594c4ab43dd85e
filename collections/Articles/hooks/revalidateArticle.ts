import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Article } from '@/payload-types'
import { revalidateArticle } from '@/lib/revalidate'

/**
 * Publishing, editing a published article, unpublishing or deleting expires its page (new and
 * old slug) and every list. Saving a draft of an unpublished article changes nothing public.
 */
export const revalidateArticleOnChange: CollectionAfterChangeHook<Article> = ({ doc, previousDoc, req }) => {
  if (doc._status === 'published' || previousDoc?._status === 'published') {
    revalidateArticle(req, doc, previousDoc)
  }
  return doc
}

export const revalidateArticleOnDelete: CollectionAfterDeleteHook<Article> = ({ doc, req }) => {
  revalidateArticle(req, doc)
  return doc
}
