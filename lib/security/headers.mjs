// Security headers: next.config.mjs sends the Content-Security-Policy and frame rules with every
// response (so Next's cached pages and the launcher's page copy replay them); the production
// launcher puts each reader page's own inline-script hashes in its policy in place of
// 'unsafe-inline' (server/inlineScriptHashes.mjs), and adds HSTS when the site is served over https
// (SERVER_URL), which is known only at run time.

import { isProduction } from '../env.mjs'

const dev = !isProduction()

const policy = (directives) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ')

// Nothing from other origins, no plugins, no <base> rewriting, framing only by this site (the
// admin's live preview); the admin's forms post only to this site. Next.js inlines each page's data
// as <script> elements whose text differs per page: nonces would make every page render per request
// (no cache), so the launcher allows exactly the inline scripts of each reader page by their SHA-256
// hashes (server/inlineScriptHashes.mjs); /admin, where Payload needs them, keeps 'unsafe-inline'.
const directives = (development) => ({
  'default-src': ["'self'"],
  'script-src': ["'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : [])],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", ...(development ? ['ws:', 'wss:'] : [])],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
})
const common = directives(dev)

/**
 * Reader pages, framed only by this site (live preview in /admin), with `scriptSources` beside
 * 'self' in script-src: the hashes of the page's inline scripts, or nothing. They leave
 * form-action out: a sign-in form posts to /auth, which redirects to the reader's OAuth or OpenID
 * Connect provider, and browsers hold that redirect to form-action too (the provider's address is
 * known only at run time, the headers at build time).
 */
export function readerCsp(scriptSources, { development = dev } = {}) {
  const { 'form-action': _formAction, ...reader } = directives(development)
  return policy({
    ...reader,
    'script-src': ["'self'", ...scriptSources, ...(development ? ["'unsafe-eval'"] : [])],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'self'"],
  })
}

/**
 * What next.config.mjs sends with reader routes: the policy a plain `next start` (or `npm run dev`)
 * serves, with 'unsafe-inline' so that its pages work at all. The production launcher replaces it
 * on every response: by the page's own script hashes on HTML, by no inline script at all elsewhere.
 */
export const READER_CSP = readerCsp(["'unsafe-inline'"])
/** /admin: Payload's admin needs inline scripts and styles; it frames the site for live preview, and is framed by nobody. */
export const ADMIN_CSP = policy({
  ...common,
  'img-src': [...common['img-src'], 'https://www.gravatar.com'],
  'frame-src': ["'self'"],
  'frame-ancestors': ["'none'"],
})

/** For next.config.mjs headers(). */
export const securityHeaders = [
  {
    source: '/:path*',
    headers: [
      { key: 'Content-Security-Policy', value: READER_CSP },
      { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
    ],
  },
  {
    source: '/admin',
    headers: [
      { key: 'Content-Security-Policy', value: ADMIN_CSP },
      { key: 'X-Frame-Options', value: 'DENY' },
    ],
  },
  {
    source: '/admin/:path*',
    headers: [
      { key: 'Content-Security-Policy', value: ADMIN_CSP },
      { key: 'X-Frame-Options', value: 'DENY' },
    ],
  },
]

/** Headers the launcher sets on every response (before the page copy or Next answers). */
export function launcherHeaders(serverUrl) {
  return /^https:/i.test(serverUrl ?? '') ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}
}
