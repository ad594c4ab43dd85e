import { createHmac } from 'crypto'
import type { NextAuthOptions } from 'next-auth'

import { defaultNextAuthUrl, nextAuthSecret, payloadSecret, serverUrl } from '../env.mjs'
import { payload } from '../payload'
import { payloadAdapter } from './adapter'
import { readerProviders } from './providers'
import { safeRedirect } from './redirect'

/**
 * Readers' sign-in (next-auth 4) lives under /auth on the site, clear of Payload's /api catch-all
 * and /admin. next-auth reads its address from NEXTAUTH_URL: derived here from SERVER_URL, so the
 * origin never comes from a request's Host header.
 */
export const AUTH_BASE_PATH = '/auth'
defaultNextAuthUrl(`${serverUrl()}${AUTH_BASE_PATH}`)

export const SIGN_IN_PAGE = '/signin'
export const CHECK_EMAIL_PAGE = '/signin/check-email'

const secret = () => nextAuthSecret() || createHmac('sha256', payloadSecret()).update('byline:next-auth').digest('hex')

export function authOptions(): NextAuthOptions {
  return {
    secret: secret(),
    adapter: payloadAdapter(payload),
    providers: readerProviders(),
    // Sessions in the database, so a ban can end every one of them at once.
    session: { strategy: 'database', maxAge: 30 * 86_400, updateAge: 86_400 },
    pages: { signIn: SIGN_IN_PAGE, verifyRequest: CHECK_EMAIL_PAGE, error: SIGN_IN_PAGE },
    callbacks: {
      redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
      session({ session, user }) {
        const ban = (user as { ban?: { reason: string | null; until: string | null } | null }).ban ?? null
        return {
          ...session,
          user: { name: user.name, email: user.email, image: user.image },
          reader: { id: Number(user.id), name: user.name ?? '', ban },
        }
      },
    },
    logger: {
      error: (code, metadata) =>
        console.error(`next-auth error ${code}`, metadata instanceof Error ? metadata.message : metadata),
      warn: (code) => console.warn(`next-auth warning ${code}`),
      debug: () => undefined,
    },
  }
}
