/**
 * The client address the launcher (scripts/run.mjs) puts on every request it hands to Next.js.
 * Without the launcher (a bare `next start`) there is none and every caller shares 'unknown'.
 */
export const CLIENT_IP_HEADER = 'x-byline-client-ip'

export const clientAddress = (headers: Headers | undefined): string => headers?.get(CLIENT_IP_HEADER) || 'unknown'
