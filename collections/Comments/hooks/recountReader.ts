import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { Comment } from '@/payload-types'

const readerOf = (doc: Comment) => (typeof doc.reader === 'object' && doc.reader ? doc.reader.id : (doc.reader ?? null))

/**
 * Keeps a reader's approved and rejected (spam or trash) comment counts current. Bookkeeping
 * inside the operation's transaction (req), so it reads and writes with full access; bulk
 * actions set req.context.skipReaderRecount and recount once at the end.
 */
export async function recountReader(req: PayloadRequest, readerId: number): Promise<void> {
  const count = (status: string[]) =>
    req.payload.count({
      collection: 'comments',
      where: { reader: { equals: readerId }, status: { in: status } },
      overrideAccess: true,
      req,
    })
  const [approved, rejected] = await Promise.all([count(['approved']), count(['spam', 'trash'])])
  await req.payload.update({
    collection: 'readers',
    // A where (not an id): a reader deleted meanwhile is simply not found.
    where: { id: { equals: readerId } },
    data: { approvedCount: approved.totalDocs, rejectedCount: rejected.totalDocs },
    overrideAccess: true,
    req,
  })
}

export const recountReaderOnChange: CollectionAfterChangeHook<Comment> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const readerId = readerOf(doc)
  if (!readerId || req.context?.skipReaderRecount) return doc
  if (operation === 'create' || previousDoc?.status !== doc.status) await recountReader(req, readerId)
  return doc
}

export const recountReaderOnDelete: CollectionAfterDeleteHook<Comment> = async ({ doc, req }) => {
  const readerId = readerOf(doc)
  if (readerId && !req.context?.skipReaderRecount) await recountReader(req, readerId)
  return doc
}
