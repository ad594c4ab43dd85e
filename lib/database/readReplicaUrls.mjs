// DATABASE_READ_URLS: PostgreSQL streaming replicas for reader pages, comma-separated. Checked by
// the launcher before anything starts (one clear line on a bad value) and read again by
// payload.config.ts.

/** The replica URLs in DATABASE_READ_URLS; throws with a readable message on a bad entry. */
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
        throw new Error(`DATABASE_READ_URLS: "${entry.replace(/\/\/[^@/]*@/, '//***@')}" is not a URL (use postgres://user:password@host:5432/db, comma-separated)`)
      }
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
        throw new Error(`DATABASE_READ_URLS: "${url.protocol}" is not postgres:// (use postgres://user:password@host:5432/db, comma-separated)`)
      }
      return entry
    })
}

/** `url` without its password, for logs. */
export function describeReplica(url) {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
  } catch {
    return 'replica'
  }
}
