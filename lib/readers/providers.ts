import type { Provider } from 'next-auth/providers/index'
import EmailProvider from 'next-auth/providers/email'
import GitHubProvider from 'next-auth/providers/github'
import GoogleProvider from 'next-auth/providers/google'

import { readerSignIn } from '../env.mjs'
import { MAGIC_LINK_MINUTES, sendLinkOncePerMinute } from './linkLimits'

export { MAGIC_LINK_MINUTES }

export type ProviderInfo = { id: string; name: string; type: 'email' | 'oauth' }

type OidcProfile = {
  sub: string
  name?: string
  preferred_username?: string
  email?: string
  picture?: string
}

/**
 * The sign-in methods, each on when its environment is set (README, "Reader accounts"):
 * email links when SMTP_HOST is set (or in development, where mail goes to the server log),
 * GitHub, Google, and one generic OpenID Connect issuer.
 */
export function readerProviders(): Provider[] {
  const providers: Provider[] = []
  const methods = readerSignIn()
  if (methods.email) {
    providers.push(
      EmailProvider({
        maxAge: MAGIC_LINK_MINUTES * 60,
        // The server is unused: mail goes through Payload's email adapter (lib/email/adapter.ts).
        server: { host: 'unused.invalid' },
        sendVerificationRequest: ({ identifier, url }) => sendLinkOncePerMinute(identifier, url),
      }),
    )
  }
  if (methods.github) providers.push(GitHubProvider(methods.github))
  if (methods.google) providers.push(GoogleProvider(methods.google))
  const oidc = methods.oidc
  if (oidc) {
    providers.push({
      id: 'oidc',
      name: oidc.name,
      type: 'oauth',
      wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile: (p: OidcProfile) => ({
        id: p.sub,
        name: p.name || p.preferred_username || p.email || null,
        email: p.email ?? null,
        image: p.picture ?? null,
      }),
    })
  }
  return providers
}

export const providerInfo = (): ProviderInfo[] =>
  readerProviders().map((p) => ({
    id: p.id,
    name: p.name,
    type: p.type === 'email' ? 'email' : 'oauth',
  }))
