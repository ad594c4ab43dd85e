import crypto from 'node:crypto'
import { promisify } from 'node:util'

import {
  APIError,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { clientAddress } from './clientAddress'
import { consume, limiter } from './rateLimits'

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

/**
 * Staff sign-in backoff (the users collection's beforeOperation). Every attempt costs a point on
 * three counters: this account from this address (5 per 15 minutes, then 15 minutes' wait), this
 * account from anywhere (50 per 10 minutes: someone elsewhere can keep the owner out for minutes,
 * not for good) and this address across accounts (100 an hour). A success gives its points back.
 * Unknown emails are counted and answered exactly like known ones, and cost the same password
 * hash, so neither the message nor the answer time tells which emails belong to staff.
 */
export const guardStaffLogin: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' || (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL')) return args
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data
  const email = emailOf(data)
  const keys = keysOf(req, email)
  const waits = await Promise.all([
    consume(req.payload, 'loginPair', keys.pair),
    consume(req.payload, 'loginAccount', keys.account),
    consume(req.payload, 'loginAddress', keys.address),
  ])
  const wait = Math.max(...waits)
  if (wait > 0) {
    req.responseHeaders = new Headers({ 'Retry-After': String(wait) })
    throw new TooManyAttempts(wait)
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

/** A successful sign-in clears this account-and-address counter and gives back the others' point. */
export const forgetLoginFailures: CollectionAfterLoginHook = async ({ req, user }) => {
  if (req.payloadAPI !== 'REST' && req.payloadAPI !== 'GraphQL') return
  const keys = keysOf(req, String(user.email).toLowerCase())
  await Promise.all([
    limiter(req.payload, 'loginPair').delete(keys.pair),
    limiter(req.payload, 'loginAccount').reward(keys.account, 1),
    limiter(req.payload, 'loginAddress').reward(keys.address, 1),
  ])
}
