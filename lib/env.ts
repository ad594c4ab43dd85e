/** Runtime settings read from the environment, with the dev defaults documented in the README. */
const isProduction = process.env.NODE_ENV === 'production'
export const isBuild = process.env.NEXT_PHASE === 'phase-production-build'

export const serverUrl = (process.env.SERVER_URL || `http://localhost:${process.env.PORT || 3000}`).replace(
  /\/$/,
  '',
)

export function payloadSecret(): string {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  if (isProduction && !isBuild) {
    throw new Error('PAYLOAD_SECRET is not set: production needs a long random secret (see README).')
  }
  return 'byline-dev-secret-not-for-production'
}

export function databaseUrl(): string {
  // scripts/run.mjs sets DATABASE_URL to the embedded server when the user did not.
  // During `next build` no query runs, so a placeholder keeps the build database-free.
  return process.env.DATABASE_URL || (isBuild ? 'postgres://build@127.0.0.1:1/build' : '')
}

/** The publication's time zone (IANA name, default UTC): the admin's scheduling defaults to it. */
export const siteTimeZone = (() => {
  const zone = process.env.SITE_TIMEZONE || 'UTC'
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
  } catch {
    throw new Error(`SITE_TIMEZONE is not a time zone name: "${zone}" (use an IANA name such as Europe/Paris)`)
  }
  return zone
})()

export const siteName = process.env.SITE_NAME || 'Byline'
export const siteDescription = process.env.SITE_DESCRIPTION || 'News and analysis, with a conversation under every story.'
