import type { CollectionAfterChangeHook } from 'payload'

import type { User } from '@/payload-types'
import { revalidateAuthor as expireAuthor } from '@/lib/revalidate'

/** A changed name, slug, bio or photo expires the author's page under its new and old slug. */
export const revalidateAuthor: CollectionAfterChangeHook<User> = ({ doc, previousDoc, req }) => {
  expireAuthor(req, doc, previousDoc)
  return doc
}
