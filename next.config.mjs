import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

import { buildId, deploymentId, nextDistDir, redisUrl } from './lib/env.mjs'
import { securityHeaders } from './lib/security/headers.mjs'

// Public pages: a CDN or reverse proxy may keep them a minute and serve them stale for five more
// while it refetches; browsers always revalidate. Tag revalidation expires Next's own cache at
// once, so a shared cache lags a change by at most a minute.
const PUBLIC_PAGE = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300'
const PRIVATE = 'private, no-store'
const PUBLIC_PATHS = [
  '/',
  '/page/:path*',
  '/articles/:path*',
  '/categories/:path*',
  '/authors/:path*',
  '/tags/:path*',
  '/feed.xml',
  '/comments.xml',
  '/sitemap.xml',
  '/xml/:path*',
  '/robots.txt',
  '/favicon.ico',
  '/apple-touch-icon.png',
  '/site-icon/:path*',
]
// Never public: a staff session, draft mode, a benchmark cache bypass or a form post.
const personal = [
  { type: 'cookie', key: 'payload-token' },
  { type: 'cookie', key: '__prerender_bypass' },
  { type: 'header', key: 'x-bench-bypass' },
  { type: 'header', key: 'next-action' },
]

/** Cache-Control for reader pages, and private for everything that depends on who asks. */
const cacheHeaders = [
  ...PUBLIC_PATHS.map((source) => ({
    source,
    missing: personal,
    headers: [{ key: 'Cache-Control', value: PUBLIC_PAGE }],
  })),
  ...PUBLIC_PATHS.flatMap((source) =>
    personal.map((condition) => ({ source, has: [condition], headers: [{ key: 'Cache-Control', value: PRIVATE }] })),
  ),
  ...['/admin', '/admin/:path*', '/preview', '/exit-preview', '/comments/:path*'].map((source) => ({
    source,
    headers: [{ key: 'Cache-Control', value: PRIVATE }],
  })),
  ...[
    { type: 'header', key: 'authorization' },
    { type: 'cookie', key: 'payload-token' },
  ].map((condition) => ({
    source: '/api/:path*',
    has: [condition],
    headers: [{ key: 'Cache-Control', value: PRIVATE }],
  })),
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build directory lets a benchmark or a parallel test run build without clobbering .next.
  distDir: nextDistDir(),
  poweredByHeader: false,
  // Next's own cache, plus a hook where tags expire (server/cache/nextCacheHandler.mjs); with
  // REDIS_URL, the cache shared by every instance (server/cache/redisCacheHandler.mjs).
  cacheHandler: fileURLToPath(
    new URL(
      redisUrl() ? './server/cache/redisCacheHandler.mjs' : './server/cache/nextCacheHandler.mjs',
      import.meta.url,
    ),
  ),
  // Instances built apart must agree on the build (BYLINE_BUILD_ID, e.g. the commit) and the
  // deployment id; instances started from one build directory already do.
  ...(buildId() ? { generateBuildId: buildId } : {}),
  ...(deploymentId() ? { deploymentId: deploymentId() } : {}),
  // Next would hash every page body for an ETag on every request (about 1 ms for a 75 KB article,
  // a quarter of serving it from the cache). CDNs revalidate with s-maxage instead.
  generateEtags: false,
  // Old WordPress addresses end in a slash (/2014/05/hello/); the proxy answers them with one
  // 301 (Redirects), and sends a slash-ended address of Byline's own routes to the bare one.
  skipTrailingSlashRedirect: true,
  images: { unoptimized: true },
  // app/global-not-found.tsx: the branded 404 for addresses no route matches.
  experimental: { globalNotFound: true },
  // Lists are addressed `/?page=N` and `/categories/<slug>?page=N`, but a page that reads the
  // query string is rendered on every request; as paths (`/page/N`), Next.js caches each one.
  // A `page` that is not a number goes to page 0, which answers 404.
  async rewrites() {
    const page = { type: 'query', key: 'page', value: '(?<n>[1-9]\\d{0,4})' }
    const anyPage = { type: 'query', key: 'page' }
    return {
      beforeFiles: [
        { source: '/', has: [page], destination: '/page/:n' },
        { source: '/', has: [anyPage], destination: '/page/0' },
        { source: '/', destination: '/page/1' },
        { source: '/categories/:slug', has: [page], destination: '/categories/:slug/page/:n' },
        { source: '/categories/:slug', has: [anyPage], destination: '/categories/:slug/page/0' },
        { source: '/categories/:slug', destination: '/categories/:slug/page/1' },
        // Author and tag archives, the same way.
        ...['authors', 'tags'].flatMap((kind) => [
          { source: `/${kind}/:slug`, has: [page], destination: `/${kind}/:slug/page/:n` },
          { source: `/${kind}/:slug`, has: [anyPage], destination: `/${kind}/:slug/page/0` },
          { source: `/${kind}/:slug`, destination: `/${kind}/:slug/page/1` },
        ]),
        // The same for the feed and the sitemap (app/(frontend)/xml/[file]/route.ts).
        { source: '/feed.xml', destination: '/xml/feed.xml' },
        { source: '/sitemap.xml', destination: '/xml/sitemap.xml' },
        { source: '/comments.xml', destination: '/xml/comments.xml' },
        // The site icon (app/(frontend)/site-icon/[file]/route.ts).
        { source: '/favicon.ico', destination: '/site-icon/favicon.ico' },
        { source: '/apple-touch-icon.png', destination: '/site-icon/apple-touch-icon.png' },
      ],
    }
  },
  async headers() {
    return [
      // CSP and framing for reader pages and /admin (lib/security/headers.mjs); the media rule
      // below comes later, so its stricter policy wins for uploaded files.
      ...securityHeaders,
      {
        // Uploaded files never run script in the site's origin, whatever slips past the type check.
        source: '/api/media/file/:path*',
        headers: [
          {
            key: 'Content-Security-Policy',
            value: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
          },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
        ],
      },
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
      ...cacheHeaders,
    ]
  },
}

/**
 * Payload's `withPayload` sends `Accept-CH`/`Critical-CH: Sec-CH-Prefers-Color-Scheme` on every
 * route, so a browser's first visit to any page is answered 307 and fetched twice. Only the admin
 * uses the hint (its theme); the reader site's colours come from CSS `prefers-color-scheme`.
 */
function clientHintsOnlyForAdmin(config) {
  const headers = config.headers
  return {
    ...config,
    headers: async () =>
      (await headers()).flatMap((rule) =>
        rule.source === '/:path*' && rule.headers.some((h) => h.key === 'Critical-CH')
          ? ['/admin', '/admin/:path*'].map((source) => ({ ...rule, source }))
          : [rule],
      ),
  }
}

export default clientHintsOnlyForAdmin(withPayload(nextConfig, { devBundleServerPackages: false }))
