import type { Access, FieldAccess, PayloadRequest } from 'payload'

/**
 * The server's own reader sign-in machinery (the next-auth adapter in lib/readers/adapter.ts)
 * marks its Local API calls with req.context.readerAuth. REST and GraphQL callers cannot set
 * req.context, so no request from outside ever passes this check.
 */
export const isReaderSystem = (req: Pick<PayloadRequest, 'context'>) => req.context?.readerAuth === true

export const readerSystem: Access = ({ req }) => isReaderSystem(req)

/** Field-level: written only by the sign-in machinery and bookkeeping hooks, never over the API. */
export const readerSystemField: FieldAccess = ({ req }) => isReaderSystem(req)
