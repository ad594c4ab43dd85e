import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { TAGS } from '@/lib/cacheTags'
import { expireRedirectMap } from '@/lib/redirects'
import { expireTags } from '@/lib/revalidate'

type PageDoc = { id: number; path?: string | null; _status?: string | null }

/**
 * A published page's change expires its own path (old and new), the sitemap and the redirect map
 * (a redirect may point to it). A child's path follows its parent's: re-saving each child
 * recomputes it (computePath) and expires it in turn.
 */
export const revalidatePageOnChange: CollectionAfterChangeHook<PageDoc> = async ({ doc, previousDoc, req }) => {
  if (doc._status === 'published' || previousDoc?._status === 'published') {
    expireRedirectMap()
    const paths = new Set([doc.path, previousDoc?.path].filter((p): p is string => Boolean(p)))
    expireTags(req, [TAGS.pages, ...[...paths].map(TAGS.page)])
  }
  if (previousDoc?.path && doc.path !== previousDoc.path) {
    const { docs } = await req.payload.find({
      collection: 'pages',
      where: { parent: { equals: doc.id } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { path: true },
    })
    for (const child of docs) {
      await req.payload.update({
        collection: 'pages',
        id: child.id,
        data: {},
        overrideAccess: true,
        req,
        context: req.context,
      })
    }
  }
  return doc
}

export const revalidatePageOnDelete: CollectionAfterDeleteHook<PageDoc> = ({ doc, req }) => {
  expireRedirectMap()
  expireTags(req, [TAGS.pages, ...(doc.path ? [TAGS.page(doc.path)] : [])])
  return doc
}
