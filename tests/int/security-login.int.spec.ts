import config from '@payload-config'
import { REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { launcherAddressHeaders } from '@/lib/security/clientAddress'
import { startPayload } from '../helpers/payload'
import { createStaff, PASSWORD, type Role } from '../helpers/staff'

/** #11 F4: staff sign-in backs off per address and account, without locking the owner out. */
let payload: Payload
let stop: () => Promise<void>
let staff: Record<Role, User>
const post = REST_POST(config)

async function signIn(email: string, password: string, ip: string, cookie = '') {
  const request = new Request('http://localhost/api/users/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...launcherAddressHeaders(ip), ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ email, password }),
  })
  const started = performance.now()
  const response = await post(request, { params: Promise.resolve({ slug: ['users', 'login'] }) })
  const json = (await response.json()) as { token?: string; errors?: { message: string }[] }
  return {
    status: response.status,
    json,
    ms: performance.now() - started,
    retryAfter: response.headers.get('retry-after'),
    cookies: response.headers.getSetCookie(),
  }
}

/** The cookies a browser would send back to /api after this answer (name=value, without payload-token). */
const deviceCookieOf = (cookies: string[]) =>
  cookies
    .map((c) => c.split(';')[0])
    .filter((c) => !c.startsWith('payload-token='))
    .join('; ')

const GENERIC_REFUSAL = /^Too many sign-in attempts\. Try again in \d+ minute\(s\)\.$/

/** Another admin account, so that these cases start from untouched counters. */
async function anotherAdmin(label: string) {
  return payload.create({
    collection: 'users',
    data: { email: `${label}-${Date.now()}@example.test`, name: label, roles: ['admin'], password: PASSWORD },
    overrideAccess: true,
    context: { disableRevalidate: true },
  })
}

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  staff = await createStaff(payload)
})
afterAll(() => stop?.())

describe('F4: staff login', () => {
  it('a wrong password and an unknown email get the same answer, after the same work', async () => {
    // Warm up both paths once (first-call JIT and connection costs are not what is compared).
    await signIn(staff.editor.email, 'wrong-password', '192.0.2.50')
    await signIn('nobody-warm@example.test', 'wrong-password', '192.0.2.50')
    // Interleaved pairs, compared by their medians: one slow answer on a busy machine decides nothing.
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 5; i++) {
      const k = await signIn(staff.editor.email, 'wrong-password', `192.0.2.${60 + i}`)
      const u = await signIn(`nobody-${i}@example.test`, 'wrong-password', `192.0.2.${70 + i}`)
      expect(k.status).toBe(401)
      expect(u.status).toBe(401)
      expect(u.json.errors?.[0].message).toBe(k.json.errors?.[0].message)
      known.push(k.ms)
      unknown.push(u.ms)
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]
    // Before: 11 ms against 212 ms. The unknown email now costs a hash too.
    expect(median(unknown), `known ${known.join(', ')}; unknown ${unknown.join(', ')}`).toBeGreaterThan(
      median(known) * 0.5,
    )
  })

  it('five wrong passwords from one address refuse that address (429, Retry-After), not the owner elsewhere', async () => {
    const attacker = '203.0.113.7'
    for (let i = 0; i < 5; i++) expect((await signIn(staff.admin.email, `guess-${i}`, attacker)).status).toBe(401)
    const refused = await signIn(staff.admin.email, PASSWORD, attacker)
    expect(refused.status).toBe(429)
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(15 * 60)
    expect(refused.json.token).toBeUndefined()
    const owner = await signIn(staff.admin.email, PASSWORD, '198.51.100.20')
    expect(owner.status).toBe(200)
    expect(owner.json.token).toEqual(expect.any(String))
  })

  it('an unknown email is limited the same way, so the limit tells nothing either', async () => {
    const ip = '203.0.113.8'
    for (let i = 0; i < 5; i++) expect((await signIn('ghost@example.test', `guess-${i}`, ip)).status).toBe(401)
    const refused = await signIn('ghost@example.test', 'guess', ip)
    expect(refused.status).toBe(429)
    const known = await signIn(staff.moderator.email, 'guess', '203.0.113.9')
    for (let i = 0; i < 4; i++) await signIn(staff.moderator.email, `guess-${i}`, '203.0.113.9')
    const knownRefused = await signIn(staff.moderator.email, 'guess', '203.0.113.9')
    expect(known.status).toBe(401)
    expect(knownRefused.status).toBe(429)
    expect(knownRefused.json.errors?.[0].message).toBe(refused.json.errors?.[0].message)
  })

  it('a success clears the counter of its account and address', async () => {
    const ip = '203.0.113.10'
    for (let i = 0; i < 4; i++) expect((await signIn(staff.editor.email, `guess-${i}`, ip)).status).toBe(401)
    expect((await signIn(staff.editor.email, PASSWORD, ip)).status).toBe(200)
    for (let i = 0; i < 4; i++) expect((await signIn(staff.editor.email, `again-${i}`, ip)).status).toBe(401)
    expect((await signIn(staff.editor.email, PASSWORD, ip)).status).toBe(200)
  })

  it('attempts an address is already refused for charge nothing else: 60 from one address leave the owner alone', async () => {
    const target = await anotherAdmin('one-address-target')
    const statuses: number[] = []
    for (let i = 0; i < 60; i++) statuses.push((await signIn(target.email, `guess-${i}`, '203.0.113.30')).status)
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]))
    // Before: every refused attempt still cost the account-wide counter a point (50 per 10 minutes),
    // so the owner, from anywhere and in a browser that never signed in, got 429 too.
    const owner = await signIn(target.email, PASSWORD, '198.51.100.30')
    expect(owner.status).toBe(200)
    expect(owner.json.token).toEqual(expect.any(String))
  }, 60_000)

  it('60 failures from many addresses trip the account, but not for a browser that signed in before', async () => {
    const target = await anotherAdmin('many-addresses-target')
    const first = await signIn(target.email, PASSWORD, '198.51.100.40')
    expect(first.status).toBe(200)
    const device = deviceCookieOf(first.cookies)
    expect(device).toMatch(/^byline_staff_[\w-]+=[\w-]+$/)
    expect(first.cookies.join('\n')).toMatch(/byline_staff_[^;]+;.*Path=\/api.*HttpOnly/)

    const statuses: number[] = []
    for (let i = 0; i < 60; i++) {
      statuses.push((await signIn(target.email, `guess-${i}`, `203.0.113.${100 + Math.floor(i / 5)}`)).status)
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(50)
    expect(statuses.slice(50)).toEqual(Array(10).fill(429))

    // A browser that never signed in to this account, from a fresh address: refused, with the
    // same message as any other limit (it tells nothing about the account).
    const stranger = await signIn(target.email, PASSWORD, '198.51.100.41')
    expect(stranger.status).toBe(429)
    expect(stranger.json.token).toBeUndefined()
    expect(stranger.json.errors?.[0].message).toMatch(GENERIC_REFUSAL)
    // A cookie for another account, or a forged one, is no pass either.
    const forged = device.replace(/=.*/, '=' + 'A'.repeat(43))
    expect((await signIn(target.email, PASSWORD, '198.51.100.42', forged)).status).toBe(429)

    // The owner's own browser, from yet another address: in.
    const owner = await signIn(target.email, PASSWORD, '198.51.100.43', device)
    expect(owner.status).toBe(200)
    expect(owner.json.token).toEqual(expect.any(String))
    // It is still held to the per-address limit: five wrong passwords from its address, then 429.
    for (let i = 0; i < 5; i++)
      expect((await signIn(target.email, `typo-${i}`, '198.51.100.44', device)).status).toBe(401)
    const held = await signIn(target.email, PASSWORD, '198.51.100.44', device)
    expect(held.status).toBe(429)
    expect(held.json.errors?.[0].message).toMatch(GENERIC_REFUSAL)
  }, 120_000)

  it("Payload's own account lock is off: the account is never marked locked", async () => {
    const stored = (await payload.findByID({
      collection: 'users',
      id: staff.admin.id,
      showHiddenFields: true,
    })) as unknown as Record<string, unknown>
    expect(stored.email).toBe(staff.admin.email)
    expect(stored.lockUntil ?? null).toBeNull()
    expect(stored.loginAttempts ?? null).toBeNull()
  })
})
