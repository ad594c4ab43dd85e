import type { Payload } from 'payload'

import { payloadAdapter } from '@/lib/readers/adapter'

/** next-auth's adapter on this test's Payload: readers are made exactly as sign-in makes them. */
export const adapterFor = (payload: Payload) => payloadAdapter(async () => payload)

let n = 0
export async function createReader(payload: Payload, name = 'Reader') {
  n += 1
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${n}-${Date.now()}@readers.test`
  const user = await adapterFor(payload).createUser!({
    name,
    email,
    emailVerified: new Date(),
    image: null,
  } as never)
  return { id: Number(user.id), name, email }
}

/** A real database session for the reader, as next-auth makes one; returns the cookie header. */
export async function sessionCookie(payload: Payload, readerId: number) {
  const sessionToken = `test-session-${readerId}-${Math.random().toString(36).slice(2)}`
  await adapterFor(payload).createSession!({
    sessionToken,
    userId: String(readerId),
    expires: new Date(Date.now() + 86_400_000),
  })
  return { sessionToken, cookie: `next-auth.session-token=${sessionToken}` }
}
