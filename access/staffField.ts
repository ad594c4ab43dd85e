import type { FieldAccess } from 'payload'

import { isStaff } from './roles'

/** Field-level: only staff read it (emails, IPs, user agents, verdicts). */
export const staffField: FieldAccess = ({ req: { user } }) => isStaff(user)

/** Field-level: set by staff, or by the server's own comment submission. */
export const staffOrSubmission: FieldAccess = ({ req: { user, context } }) =>
  isStaff(user) || context?.commentSubmission === true

/**
 * Field-level: changed only by the server re-judging a reader's own edit (lib/comments/own.ts).
 * Nobody sets it over the API, staff included: it records what the rules decided.
 */
export const serverEditOnly: FieldAccess = ({ req: { context } }) => typeof context?.commentEditBy === 'number'

/**
 * Field-level: staff read which reader wrote a comment; serving a signed-in reader, the server may
 * filter by it (no doc: a query) and reads it on that reader's own comments only.
 */
export const ownReaderField: FieldAccess = ({ req: { user, context }, doc }) => {
  if (isStaff(user)) return true
  const self = typeof context?.readerId === 'number' ? context.readerId : context?.commentEditBy
  if (!doc) return typeof self === 'number'
  const reader = doc.reader
  const id = typeof reader === 'object' && reader ? reader.id : reader
  return typeof self === 'number' && id === self
}
