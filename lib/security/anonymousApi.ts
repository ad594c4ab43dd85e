import config from '@payload-config'
import { getPayload } from 'payload'

import { clientAddress } from './clientAddress'
import { consume } from './rateLimits'

type Handler<C> = (request: Request, context: C) => Promise<Response>

/** Uploaded files are what article pages load; they are plain file reads and stay unlimited. */
const isFile = (request: Request) =>
  request.method === 'GET' && /^\/api\/[^/]+\/file\//.test(new URL(request.url).pathname)

const hasCredentials = (request: Request) =>
  request.headers.has('authorization') || /(?:^|;\s*)payload-token=/.test(request.headers.get('cookie') ?? '')

/**
 * Wraps Payload's REST and GraphQL route handlers: a request without a valid staff session costs a
 * point of its address's budget (rate_limits in PostgreSQL, lib/security/rateLimits.ts), and one
 * over budget answers 429 with Retry-After before Payload does any work. A request that carries
 * a token is checked, so a made-up cookie does not dodge the limit; staff are never limited.
 */
export function limitAnonymousApi<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    if (isFile(request)) return handler(request, context)
    const payload = await getPayload({ config })
    if (hasCredentials(request)) {
      const { user } = await payload.auth({ headers: request.headers }).catch(() => ({ user: null }))
      if (user) return handler(request, context)
    }
    const wait = await consume(payload, 'anonymousApi', clientAddress(request.headers))
    if (wait === 0) return handler(request, context)
    return Response.json(
      { errors: [{ message: 'Too many requests from your address. Try again shortly.' }] },
      { status: 429, headers: { 'Retry-After': String(wait) } },
    )
  }
}
