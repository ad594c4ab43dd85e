// A real OpenID Connect provider (the `oidc-provider` package) for the end-to-end run, on
// 127.0.0.1. Any login and password sign in; the account id is the login, with the claims
// sub, email (<login>@oidc.test, verified) and name ("OIDC <login>"). Consent is pre-granted
// for the one client, the site under test.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import Provider from 'oidc-provider'

const SCOPE = 'openid email profile'

/** @param {{ port: number, redirectUri: string }} options */
export async function startOidcProvider({ port, redirectUri }) {
  const issuer = `http://127.0.0.1:${port}`
  const clientId = 'byline-e2e'
  const clientSecret = randomBytes(24).toString('hex')
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    jwks: {
      keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'e2e', use: 'sig', alg: 'RS256' }],
    },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The claims of the requested scopes go into the ID token too (next-auth reads them there).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({
        sub: id,
        email: `${id}@oidc.test`,
        email_verified: true,
        name: `OIDC ${id}`,
      }),
    }),
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc
      const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId)
      if (grantId) return ctx.oidc.provider.Grant.find(grantId)
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      })
      grant.addOIDCScope(SCOPE)
      await grant.save()
      return grant
    },
  })
  provider.on('server_error', (_ctx, error) => console.error(`oidc-provider: ${error?.message ?? error}`))
  const server = await new Promise((resolve, reject) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s))
    s.once('error', reject)
  })
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
