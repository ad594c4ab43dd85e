import type { Access } from 'payload'

import { isReaderSystem } from './readerSystem'
import { hasRole } from './roles'

/**
 * Moderators and admins read every reader; editors and anonymous callers none. Serving a signed-in
 * reader, the server reads only that reader's own record (req.context.readerId, set from the
 * verified session, never from the request).
 */
export const readersRead: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'moderator') || isReaderSystem(req)) return true
  const self = req.context?.readerId
  return typeof self === 'number' ? { id: { equals: self } } : false
}

/** Moderators and admins change readers in /admin (bans); the sign-in machinery updates profiles. */
export const readersUpdate: Access = ({ req }) => hasRole(req.user, 'admin', 'moderator') || isReaderSystem(req)

/** Only admins delete a reader; the sign-in machinery may, as next-auth's adapter contract says. */
export const readersDelete: Access = ({ req }) => hasRole(req.user, 'admin') || isReaderSystem(req)

/** Linked provider accounts: moderators read them; only the sign-in machinery writes them. */
export const readerAccountsRead: Access = ({ req }) => hasRole(req.user, 'admin', 'moderator') || isReaderSystem(req)
