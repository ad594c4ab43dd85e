import crypto from 'node:crypto'
import { promisify } from 'node:util'

import {
  APIError,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'
import { generateCookie, parseCookies } from 'payload/shared'

import { payloadSecret } from '../env.mjs'
import { clientAddress } from './clientAddress'
import { consume, type LimitName, limiter } from './rateLimits'

const pbkdf2 = promisify(crypto.pbkdf2)

/** Answered, the same way, for any email once a limit is reached. */
class TooManyAttempts extends APIError {
  constructor(seconds: number) {
    super(`Too many sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`, 429, null, true)
  }
}

const keysOf = (req: PayloadRequest, email: string) => {
  const ip = clientAddress(req.headers)
  return { pair: `${email}|${ip}`, account: email, address: ip }
}

const emailOf = (data: unknown) =>
  typeof (data as { email?: unknown })?.email === 'string' ? (data as { email: string }).email.trim().toLowerCase() : ''

const hmac = (text: string) => crypto.createHmac('sha256', payloadSecret()).update(text).digest('base64url')

/**
 * "This browser has signed in to this account before": a cookie per account, named and valued by
 * keyed hashes of its email (the name tells nobody which account; only this server can make the
 * value). Set with each successful sign-in, kept across sign-outs.
 */
const knownDevice = (email: string) => ({
  name: `byline_staff_${hmac(`staff-device-name:${email}`).slice(0, 12)}`,
  value: hmac(`staff-device:${email}`),
})

const isKnownDevice = (req: PayloadRequest, email: string) => {
  const { name, value } = knownDevice(email)
  const sent = Buffer.from(parseCookies(req.headers).get(name) ?? '')
  const expected = Buffer.from(value)
  return sent.length === expected.length && crypto.timingSafeEqual(sent, expected)
}

/**
 * The counters an attempt is charged to, in order: this account from this address, this address
 * across accounts, then this account from anywhere, which a browser that signed in to the account
 * before is not charged to.
 */
const countersOf = (req: PayloadRequest, email: string): [LimitName, string][] => {
  const keys = keysOf(req, email)
  const counters: [LimitName, string][] = [
    ['loginPair', keys.pair],
    ['loginAddress', keys.address],
  ]
  if (!isKnownDevice(req, email)) counters.push(['loginAccount', keys.account])
  return counters
}

/**
 * Staff sign-in backoff (the users collection's beforeOperation). An attempt costs a point on each
 * counter in turn and stops at the first that refuses, so refused attempts charge nothing further:
 * this account from this address (5 per 15 minutes, then 15 minutes' wait), this address across
 * accounts (100 an hour) and this account from anywhere (50 per 10 minutes). Anyone can use up the
 * last one, so a browser that has signed in to the account before (a signed cookie) is not counted
 * there: the owner's own browser still gets in while the account is attacked from elsewhere. A
 * success gives its points back. Unknown emails are counted and answered exactly like known ones,
 * and cost the same password hash, so neither the message nor the answer time tells which emails
 * belong to staff.
 */
export const guardStaffLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' || (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL')) return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  const email = emailOf(data)
  for (const [name, key] of countersOf(req, email)) {
    const wait = await consume(req.payload, name, key)
    if (wait > 0) {
      req.responseHeaders = new Headers({ 'Retry-After': String(wait) })
      throw new TooManyAttempts(wait)
    }
  }
  const known = await req.payload.count({
    collection: 'users',
    where: { email: { equals: email } },
    overrideAccess: true,
  })
  if (known.totalDocs === 0) {
    // Payload answers an unknown email at once; a known one costs a PBKDF2 hash (Payload's
    // current parameters). Spend the same before Payload refuses it.
    await pbkdf2(String(data?.password ?? ''), crypto.randomBytes(32), 600_000, 32, 'sha256')
  }
  return args
}

/**
 * A successful sign-in clears this account-and-address counter, gives back the others' point, and
 * marks this browser as one that has signed in to the account (for a year, Secure like Payload's
 * own cookie, only sent to the API).
 */
export const forgetLoginFailures: CollectionAfterLoginHook = async ({ collection, req, user }) => {
  if (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') return
  const email = String(user.email).toLowerCase()
  await Promise.all(
    countersOf(req, email).map(([name, key]) =>
      name === 'loginPair' ? limiter(req.payload, name).delete(key) : limiter(req.payload, name).reward(key, 1),
    ),
  )
  const cookie = generateCookie<string>({
    ...knownDevice(email),
    path: req.payload.config.routes.api,
    maxAge: 365 * 86_400,
    httpOnly: true,
    sameSite: 'Lax',
    secure: collection.auth.cookies.secure,
    returnCookieAsObject: false,
  })
  req.responseHeaders ??= new Headers()
  req.responseHeaders.append('Set-Cookie', cookie)
}
