import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * Deleting a reader (an admin in /admin, or next-auth's deleteUser) first removes their
 * sessions and linked accounts, which cannot outlive them; their comments stay, unlinked.
 */
export const forgetReader: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const where = { reader: { equals: id } }
  // Bookkeeping in the same transaction; neither collection is reachable over the API.
  await req.payload.delete({ collection: 'reader-sessions', where, overrideAccess: true, req })
  await req.payload.delete({ collection: 'reader-accounts', where, overrideAccess: true, req })
}
