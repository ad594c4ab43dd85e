import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// The site as deployed behind https: set before the config (and lib/env) is imported.
vi.hoisted(() => {
  process.env.SERVER_URL = 'https://news.example'
})

import config from '@payload-config'
import { REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

import { launcherHeaders } from '@/lib/security/headers.mjs'
import { startPayload } from '../helpers/payload'
import { createStaff, PASSWORD, type Role } from '../helpers/staff'
import type { User } from '@/payload-types'

/** #11 F10: with SERVER_URL on https, the staff cookie is Secure and the launcher sends HSTS. */
let payload: Payload
let stop: () => Promise<void>
let staff: Record<Role, User>

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  staff = await createStaff(payload)
})
afterAll(() => stop?.())

describe('https deployment', () => {
  it('the payload-token cookie of a staff login is Secure, HttpOnly and SameSite=Lax', async () => {
    const response = await REST_POST(config)(
      new Request('https://news.example/api/users/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: staff.editor.email, password: PASSWORD }),
      }),
      { params: Promise.resolve({ slug: ['users', 'login'] }) },
    )
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=/)
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
  })

  it('the launcher adds HSTS for an https SERVER_URL only', () => {
    expect(launcherHeaders(process.env.SERVER_URL)).toEqual({
      'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    })
    expect(launcherHeaders('http://localhost:3000')).toEqual({})
  })
})
