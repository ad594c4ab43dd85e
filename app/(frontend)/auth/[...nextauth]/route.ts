import NextAuth from 'next-auth'

import { linkRequestsExceeded } from '@/lib/readers/linkLimits'
import { authOptions } from '@/lib/readers/options'
import { clientAddressFrom } from '@/lib/requestAddress'

/**
 * next-auth 4 for readers, at /auth/* (sign-in, callbacks, session, CSRF token, sign-out): apart
 * from Payload's /api/* and /admin, whose own login is for staff only.
 */
type Context = { params: Promise<{ nextauth: string[] }> }

async function handler(request: Request, context: Context) {
  // Link mails are capped per client address (lib/readers/linkLimits.ts) before next-auth runs.
  if (request.method === 'POST' && (await context.params).nextauth.join('/') === 'signin/email') {
    if (await linkRequestsExceeded(clientAddressFrom(request.headers))) {
      return new Response('Too many sign-in links were asked for from your address. Please try again in an hour.', {
        status: 429,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'retry-after': '3600',
          'cache-control': 'private, no-store',
        },
      })
    }
  }
  return NextAuth(request as never, context as never, authOptions())
}

export { handler as GET, handler as POST }
