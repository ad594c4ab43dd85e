import type { CollectionAfterChangeHook } from 'payload'

import type { Reader } from '@/payload-types'
import { now } from '@/lib/clock'
import { activeBan } from '@/lib/comments/rules'

/**
 * A reader banned (or banned again with new terms) is signed out of every session at once: their
 * session rows go, so each browser's next request finds no session.
 */
export const endSessionsOnBan: CollectionAfterChangeHook<Reader> = async ({ doc, previousDoc, req }) => {
  const at = now()
  const ban = activeBan(doc, at)
  if (!ban) return doc
  const before = activeBan(previousDoc, at)
  const sameTerms = before && previousDoc?.banReason === doc.banReason && previousDoc?.bannedUntil === doc.bannedUntil
  if (sameTerms) return doc
  // Bookkeeping inside the moderator's transaction; sessions are reachable by no API caller.
  await req.payload.delete({
    collection: 'reader-sessions',
    where: { reader: { equals: doc.id } },
    overrideAccess: true,
    req,
  })
  return doc
}
