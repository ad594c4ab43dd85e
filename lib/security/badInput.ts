import type { AfterErrorHook } from 'payload'

type Cause = { code?: unknown; cause?: unknown; originalError?: unknown }

/**
 * Why an error was the caller's fault, or null. PostgreSQL's class 22 (data exception: `abc` for an
 * integer, a number out of range, a malformed date) means a value in the query could not fit its
 * column; a SyntaxError is a `where` that is not JSON. Both used to surface as 500.
 */
function badInputReason(error: unknown): string | null {
  const seen = new Set<unknown>()
  for (let e = error as Cause | undefined; e && !seen.has(e); e = (e.originalError ?? e.cause) as Cause | undefined) {
    seen.add(e)
    if (typeof e.code === 'string' && e.code.startsWith('22')) return 'A value in the query does not fit its field.'
    if (e instanceof SyntaxError) return 'The query is not valid JSON.'
  }
  return null
}

/** Config-level afterError: a bad value in a REST or GraphQL query answers 400 with a short reason. */
export const badInputAfterError: AfterErrorHook = ({ error, graphqlResult }) => {
  const message = badInputReason(error)
  if (!message) return
  if (graphqlResult)
    return {
      graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, statusCode: 400 } },
    }
  return { response: { errors: [{ message }] }, status: 400 }
}
