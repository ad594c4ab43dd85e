// How a read replica (DATABASE_READ_URLS, read and checked in lib/env.mjs) is named in logs.

/** `url` without its password, for logs. */
export function describeReplica(url) {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
  } catch {
    return 'replica'
  }
}
