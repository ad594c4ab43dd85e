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

async function signIn(email: string, password: string, ip: string) {
  const request = new Request('http://localhost/api/users/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...launcherAddressHeaders(ip) },
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
  }
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
    const known = await signIn(staff.editor.email, 'wrong-password', '192.0.2.51')
    const unknown = await signIn('nobody@example.test', 'wrong-password', '192.0.2.52')
    expect(known.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(unknown.json.errors?.[0].message).toBe(known.json.errors?.[0].message)
    // Before: 11 ms against 212 ms. The unknown email now costs a hash too.
    expect(unknown.ms).toBeGreaterThan(known.ms * 0.5)
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
