import NextAuth from 'next-auth'

import { authOptions } from '@/lib/readers/options'

/**
 * next-auth 4 for readers, at /auth/* (sign-in, callbacks, session, CSRF token, sign-out): apart
 * from Payload's /api/* and /admin, whose own login is for staff only.
 */
type Context = { params: Promise<{ nextauth: string[] }> }

const handler = (request: Request, context: Context) =>
  NextAuth(request as never, context as never, authOptions())

export { handler as GET, handler as POST }
