// Every setting Byline takes from the environment is read here and nowhere else, with its default
// and its check (README "Environment"; .env.example lists each one). Plain JavaScript with JSDoc
// types, so that the launcher (server/), Next's cache handler and the app share it.
//
// Values are read when asked for, not at import: the launcher fills some in (NODE_ENV, the
// embedded server's DATABASE_URL, its client-address key) before it starts Next, and tests change
// them. A setting that is wrong throws an Error whose message is the one line to print; the
// launcher calls `environmentProblems` before anything starts, prints each and exits 1.
/** @typedef {Record<string, string | undefined>} Env */

/**
 * @param {string} name
 * @param {Env} [env]
 * @returns {string}
 */
const text = (name, env = process.env) => env[name]?.trim() || ''

// ---- Where and how the process runs ----------------------------------------------------------

export const nodeEnv = () => process.env.NODE_ENV
export const isProduction = () => nodeEnv() === 'production'
export const isBuild = () => process.env.NEXT_PHASE === 'phase-production-build'
/** Next's build folder (the benchmark and tests build apart). */
export const nextDistDir = () => text('NEXT_DIST_DIR') || '.next'
/** Instances built apart share one build id and deployment id (README "Running several instances"). */
export const buildId = () => text('BYLINE_BUILD_ID')
export const deploymentId = () => text('BYLINE_DEPLOYMENT_ID')
/** Next's instrumentation hook runs in the Node.js runtime only. */
export const nodeRuntime = () => process.env.NEXT_RUNTIME === 'nodejs'

/** The listening port and address. */
export const port = () => Number(text('PORT') || 3000)
/** @param {boolean} dev */
export const host = (dev) => text('HOST') || (dev ? 'localhost' : '0.0.0.0')
/** The embedded PostgreSQL's folder (its data in <dir>/postgres). */
export const dataDir = () => text('BYLINE_DATA_DIR')

/** The public address: canonical URLs, feeds, mail links, the admin's one origin in production. */
export const serverUrl = () => (text('SERVER_URL') || `http://localhost:${port()}`).replace(/\/$/, '')
/** SERVER_URL as the user set it ('' when unset). */
export const serverUrlSetting = () => text('SERVER_URL').replace(/\/$/, '')
/** Cookies the server sets are Secure when the site is served over https (SERVER_URL). */
export const secureCookies = () => serverUrl().startsWith('https:')

export function payloadSecret() {
  const secret = text('PAYLOAD_SECRET')
  if (secret) return secret
  if (isProduction() && !isBuild()) {
    throw new Error('PAYLOAD_SECRET is not set: production needs a long random secret (see README).')
  }
  return 'byline-dev-secret-not-for-production'
}

export function databaseUrl() {
  // The launcher sets DATABASE_URL to the embedded server when the user did not.
  // During `next build` no query runs, so a placeholder keeps the build database-free.
  return text('DATABASE_URL') || (isBuild() ? 'postgres://build@127.0.0.1:1/build' : '')
}
/** DATABASE_URL as the user set it ('' when unset: the launcher starts the embedded server). */
export const databaseUrlSetting = () => text('DATABASE_URL')

/**
 * DATABASE_READ_URLS: PostgreSQL streaming replicas for reader pages, comma-separated. Throws with
 * a readable message on a bad entry; a replica that is down is not an error.
 * @param {string | undefined} [raw]
 * @returns {string[]}
 */
export function readReplicaUrls(raw = process.env.DATABASE_READ_URLS) {
  if (!raw || !raw.trim()) return []
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let url
      try {
        url = new URL(entry)
      } catch {
        throw new Error(
          `DATABASE_READ_URLS: "${entry.replace(/\/\/[^@/]*@/, '//***@')}" is not a URL (use postgres://user:password@host:5432/db, comma-separated)`,
        )
      }
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
        throw new Error(
          `DATABASE_READ_URLS: "${url.protocol}" is not postgres:// (use postgres://user:password@host:5432/db, comma-separated)`,
        )
      }
      return entry
    })
}

// ---- The publication ----------------------------------------------------------------------

export const siteName = () => text('SITE_NAME') || 'Byline'
export const siteDescription = () =>
  text('SITE_DESCRIPTION') || 'News and analysis, with a conversation under every story.'

/** The publication's time zone (IANA name, default UTC): the admin's scheduling defaults to it. */
export function siteTimeZone() {
  const zone = text('SITE_TIMEZONE') || 'UTC'
  if (knownZones.has(zone)) return zone
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
  } catch {
    throw new Error(`SITE_TIMEZONE is not a time zone name: "${zone}" (use an IANA name such as Europe/Paris).`)
  }
  knownZones.add(zone)
  return zone
}
/** Zone names already checked: the dashboard asks for the zone once per date it shows. */
const knownZones = new Set()

/** Where uploads live without S3 ('' for the default, ./media). */
export const mediaDir = () => text('MEDIA_DIR')

// ---- Mail ------------------------------------------------------------------------------------

/** SMTP for Payload's email adapter; null without SMTP_HOST (mail is written to the log). */
export function smtpSettings() {
  const host = text('SMTP_HOST')
  if (!host) return null
  const user = text('SMTP_USER')
  return {
    host,
    port: Number(text('SMTP_PORT') || 587),
    secure: text('SMTP_SECURE') === 'true',
    auth: user ? { user, pass: process.env.SMTP_PASS ?? '' } : undefined,
    // A local catcher or relay without TLS is fine; a real server negotiates STARTTLS.
    ignoreTLS: text('SMTP_IGNORE_TLS') === 'true',
  }
}
export const emailFrom = () => text('EMAIL_FROM') || 'byline@localhost'

// ---- Reader sign-in (next-auth) ----------------------------------------------------------------

/**
 * The sign-in methods the environment turns on (README "Reader accounts"): email links when
 * SMTP_HOST is set or in development, GitHub, Google, one OpenID Connect issuer.
 */
export function readerSignIn() {
  const pair = (id, secret) => (text(id) && text(secret) ? { clientId: text(id), clientSecret: text(secret) } : null)
  const oidc = pair('OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET')
  return {
    email: Boolean(text('SMTP_HOST')) || !isProduction(),
    github: pair('GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET'),
    google: pair('GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'),
    oidc:
      text('OIDC_ISSUER') && oidc
        ? { ...oidc, issuer: text('OIDC_ISSUER').replace(/\/$/, ''), name: text('OIDC_NAME') || 'OpenID Connect' }
        : null,
  }
}
/** NEXTAUTH_SECRET, '' when unset (derived from PAYLOAD_SECRET then). */
export const nextAuthSecret = () => text('NEXTAUTH_SECRET')
/** next-auth reads NEXTAUTH_URL itself: derived from SERVER_URL unless set. @param {string} url */
export const defaultNextAuthUrl = (url) => {
  process.env.NEXTAUTH_URL ||= url
}

// ---- Jobs, tests, benchmark ------------------------------------------------------------------

/** Whether this process runs the job queue (BYLINE_JOBS=off on web instances; tests turn it off). */
export const jobsEnabledHere = () => text('BYLINE_JOBS') !== 'off' && !jobsDisabledForTests()
export const jobsDisabledForTests = () => text('BYLINE_DISABLE_JOBS') === '1'
/** The end-to-end tests' movable clock (lib/clock.ts). */
export const testClockEnabled = () => text('BYLINE_TEST_CLOCK') === '1'
/** The demo seed's password for every staff account ('' for random ones, printed once). */
export const seedPassword = () => text('SEED_PASSWORD')
/** The benchmark's header that skips every cache ('' when unset: no bypass). */
export const benchBypassSecret = () => text('BENCH_BYPASS_SECRET')

// ---- Abuse limits and client addresses ---------------------------------------------------------

/** Anonymous API requests per minute and address before 429. */
export function apiRatePerMinute() {
  const raw = text('BYLINE_API_RATE_PER_MINUTE') || '600'
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new Error(`BYLINE_API_RATE_PER_MINUTE must be a whole number of requests above 0, not "${raw}".`)
  return Number(raw)
}

/**
 * TRUSTED_PROXIES as set: the proxies whose X-Forwarded-For counts. Its entries are addresses and
 * ranges, parsed and checked with the address code (server/clientAddress.mjs parseTrusted, one
 * line per bad entry), which the launcher adds to environmentProblems' lines.
 */
export const trustedProxiesSetting = () => process.env.TRUSTED_PROXIES ?? ''

/** The environment variable through which the launcher hands its per-process signing key to Next. */
export const CLIENT_IP_KEY_ENV = 'BYLINE_CLIENT_IP_KEY'

/** The launcher's per-process key that signs the client address it hands to Next. */
export const clientIpKey = () => process.env[CLIENT_IP_KEY_ENV]
/** @param {string} key */
export const setClientIpKey = (key) => (process.env[CLIENT_IP_KEY_ENV] = key)

// ---- Cache, several instances, CDN ---------------------------------------------------------

/** REDIS_URL ('' for one instance without Redis). */
export const redisUrl = () => text('REDIS_URL')
/** The server-action key every instance must share with REDIS_URL; '' when unset. */
export const serverActionsKey = () => text('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY')

/** BYLINE_PAGE_CACHE_MB in bytes: memory for the launcher's page copy; 0 turns it off. */
export function pageCacheBytes(raw = process.env.BYLINE_PAGE_CACHE_MB) {
  const value = (raw ?? '128').trim()
  if (!/^\d+$/.test(value))
    throw new Error(
      `BYLINE_PAGE_CACHE_MB must be a whole number of megabytes (0 turns the page copy off), not "${raw}".`,
    )
  return Number(value) * 1024 * 1024
}

/**
 * BYLINE_PAGE_COPY_PURGE: `tag` (default) drops the pages of an expired tag, `all` empties the copy.
 * @returns {'tag' | 'all'}
 */
export function purgeMode(raw = process.env.BYLINE_PAGE_COPY_PURGE) {
  const mode = (raw ?? '').trim() || 'tag'
  if (mode !== 'tag' && mode !== 'all') throw new Error(`BYLINE_PAGE_COPY_PURGE must be "tag" or "all", not "${raw}".`)
  return mode
}

/** BYLINE_SURROGATE_KEYS: `1` sends the headers, unset, empty or `0` does not; anything else is an error. */
export function surrogateKeysEnabled(raw = process.env.BYLINE_SURROGATE_KEYS) {
  const value = (raw ?? '').trim()
  if (value === '' || value === '0') return false
  if (value === '1') return true
  throw new Error(
    `BYLINE_SURROGATE_KEYS must be 1 (send Surrogate-Key and Cache-Tag on public pages) or 0, not "${raw}".`,
  )
}

/**
 * BYLINE_PURGE_URL (an http or https URL, without user:password) and BYLINE_PURGE_TOKEN, or null
 * when no URL is set.
 * @param {Env} [env]
 * @returns {{ url: string, token: string | null } | null}
 */
export function purgeSettings(env = process.env) {
  const raw = text('BYLINE_PURGE_URL', env)
  if (!raw) return null
  let url
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`BYLINE_PURGE_URL is not a URL: "${raw}" (use an http:// or https:// address).`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`BYLINE_PURGE_URL must be an http:// or https:// address, not ${url.protocol}//….`)
  }
  if (url.username || url.password) {
    throw new Error(
      'BYLINE_PURGE_URL must not carry a user or password: put the secret in BYLINE_PURGE_TOKEN (sent as Authorization: Bearer).',
    )
  }
  const token = text('BYLINE_PURGE_TOKEN', env) || null
  if (token && !/^[\x21-\x7e]+$/.test(token)) {
    throw new Error(
      'BYLINE_PURGE_TOKEN must be printable ASCII without spaces (it is sent as Authorization: Bearer <token>).',
    )
  }
  return { url: url.href, token }
}

// ---- Media on S3-compatible storage ----------------------------------------------------------

const S3_NAMES = [
  'S3_BUCKET',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
]

/**
 * @typedef {{ bucket: string, endpoint?: string, region: string, accessKeyId: string, secretAccessKey: string, forcePathStyle: boolean }} S3Settings
 */

/**
 * The S3 settings, or null when none is set (uploads stay on the local disk); partial or
 * malformed settings throw.
 * @param {Env} [env]
 * @returns {S3Settings | null}
 */
export function s3Settings(env = process.env) {
  const value = (name) => text(name, env) || undefined
  const set = S3_NAMES.filter((name) => value(name) !== undefined)
  if (set.length === 0) return null
  if (!value('S3_BUCKET')) {
    throw new Error(
      `${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set but S3_BUCKET is not: set S3_BUCKET (and S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY) to keep media on S3-compatible storage, or unset them all for the local disk.`,
    )
  }
  const missing = ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((name) => !value(name))
  if (missing.length)
    throw new Error(
      `S3_BUCKET is set but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not: media on S3-compatible storage needs the access key id and its secret.`,
    )
  const endpoint = value('S3_ENDPOINT')
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/i.test(endpoint)) {
    throw new Error(
      `S3_ENDPOINT must be an http:// or https:// address (e.g. https://s3.example.com or http://127.0.0.1:9000), not "${endpoint}".`,
    )
  }
  const pathStyle = (value('S3_FORCE_PATH_STYLE') ?? 'false').toLowerCase()
  if (!['true', 'false', '1', '0'].includes(pathStyle)) {
    throw new Error(
      `S3_FORCE_PATH_STYLE must be true or false (true for MinIO and most self-hosted S3 servers), not "${value('S3_FORCE_PATH_STYLE')}".`,
    )
  }
  return {
    bucket: /** @type {string} */ (value('S3_BUCKET')),
    endpoint,
    region: value('S3_REGION') ?? 'us-east-1',
    accessKeyId: /** @type {string} */ (value('S3_ACCESS_KEY_ID')),
    secretAccessKey: /** @type {string} */ (value('S3_SECRET_ACCESS_KEY')),
    forcePathStyle: pathStyle === 'true' || pathStyle === '1',
  }
}

// ---- The launcher's start-up check -----------------------------------------------------------

/**
 * Every problem with the settings that `command` (dev, start, worker, a seed, an import…) uses,
 * one line each; empty when all is well. Reachability (the database, Redis, the bucket) is the
 * launcher's to check after this.
 * @param {string} command
 * @returns {string[]}
 */
export function environmentProblems(command) {
  const production = command === 'start'
  const problems = []
  const check = (fn) => {
    try {
      fn()
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error))
    }
  }
  if ((production || command === 'worker') && !text('PAYLOAD_SECRET')) {
    problems.push(
      'PAYLOAD_SECRET is not set. Production needs a long random secret, e.g. PAYLOAD_SECRET=$(openssl rand -hex 32).',
    )
  }
  // Development renders every page anyway: the page copy runs in production only.
  if (production) check(() => pageCacheBytes())
  check(() => purgeMode())
  check(() => surrogateKeysEnabled())
  check(() => purgeSettings())
  check(() => readReplicaUrls())
  check(() => apiRatePerMinute())
  if (production && redisUrl()) {
    const key = serverActionsKey()
    if (!key || ![16, 24, 32].includes(Buffer.from(key, 'base64').length)) {
      problems.push(
        'REDIS_URL is set (several instances) but NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not a base64 AES key: set the same one, e.g. $(openssl rand -base64 32), for the build and every instance.',
      )
    }
  }
  check(() => s3Settings())
  if (command === 'worker' && !redisUrl()) {
    problems.push(
      'npm run worker needs REDIS_URL: its scheduled articles must expire the pages of the web instances through the shared cache. Without it, npm start runs the jobs itself.',
    )
  }
  if (text('SITE_TIMEZONE')) check(() => siteTimeZone())
  return problems
}
