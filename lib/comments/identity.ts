import { createHmac, timingSafeEqual } from 'crypto'

import { payloadSecret, secureCookies } from '../env.mjs'

const hmac = (value: string) => createHmac('sha256', payloadSecret()).update(value).digest('hex')

/** A keyed hash: the same address always maps to the same key, and the key reveals nothing. */
export const hashKey = (kind: string, value: string) => hmac(`${kind}:${value.trim().toLowerCase()}`).slice(0, 32)

/** What moderators see of an address (IPv4 /24, IPv6 /48), and the key limits count by. */
export { rateLimitKey, truncateIp } from '../../server/clientAddress.mjs'

/**
 * The comments a browser posted, as a signed cookie value "id.id.id.signature". Only the server
 * can make one, so it proves "this browser wrote these" without an account.
 */
export const OWN_COMMENTS_COOKIE = 'byline_own_comments'
/** A reader cookie the server sets: whole site, same-site navigation, Secure on an https site. */
export const readerCookieOptions = <T extends { maxAge: number; httpOnly?: boolean }>(options: T) =>
  ({ sameSite: 'lax', path: '/', secure: secureCookies(), ...options }) as const
/** How the server stores it (a year, never readable by page scripts). */
export const ownCommentsCookieOptions = () => readerCookieOptions({ httpOnly: true, maxAge: 365 * 86_400 })
const MAX_REMEMBERED = 20

export function signOwnComments(ids: number[]): string {
  const list = [...new Set(ids)].slice(-MAX_REMEMBERED).join('.')
  return `${list}.${hmac(`own:${list}`).slice(0, 32)}`
}

export function readOwnComments(cookie: string | undefined): number[] {
  if (!cookie) return []
  const parts = cookie.split('.')
  const signature = parts.pop() ?? ''
  const list = parts.join('.')
  const expected = hmac(`own:${list}`).slice(0, 32)
  if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return []
  return parts.map(Number).filter((n) => Number.isInteger(n) && n > 0)
}
