/**
 * req.context for the Local API calls of the reader sign-in machinery: access functions let it
 * through (access/readerSystem.ts); REST and GraphQL callers can never set it.
 */
export const READER_SYSTEM = { overrideAccess: false, context: { readerAuth: true } } as const

/** Serving one signed-in reader: only their own record and comments (access/readersRead.ts). */
export const asReader = (readerId: number) => ({ overrideAccess: false, context: { readerId } }) as const
