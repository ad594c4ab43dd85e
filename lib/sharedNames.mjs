// Names that more than one part of Byline must spell the same way: the globalThis slots through
// which code bundled apart in one process (the launcher, Next's cache handler, the proxy, route
// handlers, jobs) reaches shared state, and the request headers the launcher and the app pass.
// Plain JavaScript so that the launcher (server/) and Next's cache handler can import it too.

/** Keys of state kept on globalThis (Symbol.for, so every bundle of one process gets the same key). */
export const GLOBAL = Object.freeze({
  /** The launcher's page copy: its purge function (server/pageCache.mjs). */
  pageCopy: Symbol.for('byline.pageCache'),
  /** The AsyncLocalStorage through which the cache handler hands a page's tags to the copy. */
  pageCopyRequestTags: Symbol.for('byline.pageCache.requestTags'),
  /** Expire tags now, outside a request (server/cache/pageCopyHooks.mjs, lib/revalidate.ts). */
  expireTagsNow: Symbol.for('byline.expireTagsNow'),
  /** The Redis cache handler's shared clients (server/cache/redisCacheHandler.mjs). */
  redisCache: Symbol.for('byline.redisCache'),
  /** The CDN purge webhook's queue (server/cache/purgeWebhook.mjs). */
  purgeWebhook: Symbol.for('byline.purgeWebhook'),
  /** Which reads may go to a replica (lib/database/readRouting.mjs). */
  readRouting: Symbol.for('byline.database.readRouting'),
  /** The proxy's lists of renamed and live article slugs (lib/renamedSlugs.ts). */
  renamedSlugs: Symbol.for('byline.renamedSlugs'),
  /** The proxy's map of the Redirects collection (lib/redirects.ts). */
  redirects: Symbol.for('byline.redirects'),
  /** The rate limiters' stores (lib/security/rateLimits.ts). */
  rateLimiters: Symbol.for('byline.rateLimiters'),
  /** Work waiting for a database transaction to commit, on the adapter (lib/database/afterCommit.ts). */
  afterCommit: Symbol.for('byline.database.afterCommit'),
  /** The tests' clock offset (lib/clock.ts). */
  testClockOffsetMs: Symbol.for('byline.testClockOffsetMs'),
})

/** Request and response headers between the launcher, Next and the tests. */
export const HEADER = Object.freeze({
  /** The client's address as the launcher found it (server/clientAddress.mjs)… */
  clientIp: 'x-byline-client-ip',
  /** …and the launcher's per-process signature of it, without which the app ignores it. */
  clientIpSignature: 'x-byline-client-ip-signature',
  /** HIT when the launcher's page copy answered. */
  pageCopy: 'x-byline-cache',
  /** Asks the launcher for the branded 404 body (server/notFoundBody.mjs). */
  notFoundBody: 'x-byline-not-found-body',
})
