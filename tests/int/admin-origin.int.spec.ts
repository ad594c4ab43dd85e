import config from '@payload-config'
import { REST_GET } from '@payloadcms/next/routes'
import os from 'node:os'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { extraAdminOrigins } from '@/lib/admin/origins'
import { startPayload } from '../helpers/payload'
import { login } from '../helpers/rest'
import { createStaff, PASSWORD } from '../helpers/staff'

let payload: Payload
let stop: () => Promise<void>
let cookie: string

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  const { editor } = await createStaff(payload)
  cookie = `payload-token=${await login(editor.email, PASSWORD)}`
})
afterAll(() => stop?.())

const get = REST_GET(config)

/** Who Payload thinks is signed in, for a browser request carrying the session cookie from `origin`. */
async function meFrom(origin: string) {
  const headers = new Headers({ Cookie: cookie, Origin: origin })
  const response = await get(new Request('http://localhost/api/users/me', { headers }), {
    params: Promise.resolve({ slug: ['users', 'me'] }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { user: { email: string } | null }).user
}

describe('the admin session in development', () => {
  it('counts from localhost, 127.0.0.1 and this machine’s own addresses, not from another site', async () => {
    const origins = extraAdminOrigins({ production: false, port: 3000 })
    expect(origins).toEqual(
      expect.arrayContaining([
        'http://localhost:3000',
        'http://127.0.0.1:3000',
        'http://[::1]:3000',
        `http://${os.hostname()}:3000`,
      ]),
    )

    const port = process.env.PORT || '3000'
    expect(await meFrom(`http://127.0.0.1:${port}`)).toMatchObject({ email: expect.stringContaining('editor') })
    expect(await meFrom(`http://localhost:${port}`)).toMatchObject({ email: expect.stringContaining('editor') })
    expect(await meFrom('http://evil.example')).toBeNull()
  })

  it('in production only SERVER_URL’s origin counts (Payload adds it; nothing else is listed)', () => {
    expect(extraAdminOrigins({ production: true, port: 3000 })).toEqual([])
  })
})
