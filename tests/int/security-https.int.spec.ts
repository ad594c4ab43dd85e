import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// The site as deployed behind https: set before the config (and lib/env) is imported.
vi.hoisted(() => {
  process.env.SERVER_URL = 'https://news.example'
})

import config from '@payload-config'
import { REST_POST } from '@payloadcms/next/routes'
import { ResponseCookies } from 'next/dist/server/web/spec-extension/cookies'
import type { Payload } from 'payload'

import { commenterDocumentCookie, emptyValues } from '@/components/comments/formState'
import {
  OWN_COMMENTS_COOKIE,
  ownCommentsCookieOptions,
  readerCookieOptions,
  signOwnComments,
} from '@/lib/comments/identity'
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
    const cookies = response.headers.getSetCookie()
    expect(cookies.map((c) => c.split('=')[0])).toEqual(['payload-token', expect.stringMatching(/^byline_staff_/)])
    for (const cookie of cookies) {
      expect(cookie).toMatch(/;\s*Secure/i)
      expect(cookie).toMatch(/;\s*HttpOnly/i)
      expect(cookie).toMatch(/;\s*SameSite=Lax/i)
    }
  })

  it("the reader's own-comments and saved-commenter cookies are Secure, as Next sends them", () => {
    // What the comment action and POST /comments/mine hand to next/headers' cookies().set.
    const headers = new Headers()
    const jar = new ResponseCookies(headers)
    jar.set(OWN_COMMENTS_COOKIE, signOwnComments([7]), ownCommentsCookieOptions())
    jar.set('byline_commenter', '{"n":"Ada"}', readerCookieOptions({ maxAge: 60 }))
    const sent = headers.getSetCookie()
    expect(sent).toHaveLength(2)
    expect(sent[0]).toMatch(/^byline_own_comments=.*; HttpOnly/i)
    for (const cookie of sent) {
      expect(cookie).toMatch(/;\s*Secure/i)
      expect(cookie).toMatch(/;\s*SameSite=lax/i)
      expect(cookie).toMatch(/;\s*Path=\//i)
    }
  })

  it('the comment form writes its saved-commenter cookie Secure on an https page only', () => {
    const values = { ...emptyValues(), authorName: 'Ada', authorEmail: 'ada@example.test', remember: true }
    const https = commenterDocumentCookie(values, true)
    expect(https).toMatch(/^byline_commenter=%7B.*Ada.*; path=\/; samesite=lax; max-age=\d+; secure$/)
    expect(commenterDocumentCookie(values, false)).toBe(https.replace('; secure', ''))
    expect(commenterDocumentCookie({ ...values, remember: false }, true)).toBe(
      'byline_commenter=; path=/; samesite=lax; max-age=0; secure',
    )
  })

  it('the launcher adds HSTS for an https SERVER_URL only', () => {
    expect(launcherHeaders(process.env.SERVER_URL)).toEqual({
      'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    })
    expect(launcherHeaders('http://localhost:3000')).toEqual({})
  })
})
