import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { safeRedirect } from '@/lib/readers/redirect'
import { startPayload } from '../helpers/payload'
import { adapterFor, createReader, sessionCookie } from '../helpers/readers'

let payload: Payload
let stop: () => Promise<void>
const adapter = () => adapterFor(payload)

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
})
afterAll(() => stop?.())

describe('next-auth adapter on Payload', () => {
  it('finds a reader by email (any case) and by linked account; one account links once', async () => {
    const reader = await createReader(payload, 'Linker')
    expect(await adapter().getUserByEmail!(reader.email.toUpperCase())).toMatchObject({
      id: String(reader.id),
      name: 'Linker',
    })
    const account = {
      userId: String(reader.id),
      provider: 'oidc',
      providerAccountId: `sub-${reader.id}`,
      type: 'oauth' as const,
      access_token: 'secret-token',
    }
    await adapter().linkAccount!(account)
    expect(
      await adapter().getUserByAccount!({ provider: 'oidc', providerAccountId: `sub-${reader.id}` }),
    ).toMatchObject({ id: String(reader.id) })
    await expect(adapter().linkAccount!(account)).rejects.toThrow('invalid: provider, provider_account_id')
    const { docs } = await payload.find({ collection: 'reader-accounts', where: { reader: { equals: reader.id } } })
    expect(docs).toHaveLength(1)
    expect(JSON.stringify(docs)).not.toContain('secret-token')
  })

  it('stores a hash of each session token, never the token', async () => {
    const reader = await createReader(payload, 'Hashed')
    const { sessionToken } = await sessionCookie(payload, reader.id)
    const { docs } = await payload.find({ collection: 'reader-sessions', where: { reader: { equals: reader.id } } })
    expect(docs).toHaveLength(1)
    expect(docs[0].tokenHash).not.toContain(sessionToken)
    expect((await adapter().getSessionAndUser!(sessionToken))?.user.id).toBe(String(reader.id))
    await adapter().deleteSession!(sessionToken)
    expect(await adapter().getSessionAndUser!(sessionToken)).toBeNull()
  })

  it('a magic-link token works once, even when two requests race for it', async () => {
    const token = {
      identifier: 'racer@readers.test',
      token: `hashed-${Date.now()}`,
      expires: new Date(Date.now() + 60_000),
    }
    await adapter().createVerificationToken!(token)
    const [a, b] = await Promise.all([adapter().useVerificationToken!(token), adapter().useVerificationToken!(token)])
    expect([a, b].filter(Boolean)).toHaveLength(1)
    expect(await adapter().useVerificationToken!(token)).toBeNull()
  })

  it("a provider's name is stored without controls, bidi overrides or zero-width characters", async () => {
    const stored = async (id: string) => (await payload.findByID({ collection: 'readers', id: Number(id) })).name
    const email = `spoof-${Date.now()}@readers.test`
    const created = await adapter().createUser!({
      name: '  Admin\u200b\u202Enimda\u001b[31m\u0000 ',
      email,
      emailVerified: new Date(),
      image: null,
    } as never)
    expect(created.name).toBe('Adminnimda')
    expect(await stored(created.id)).toBe('Adminnimda')
    const updated = await adapter().updateUser!({ id: created.id, name: '\u2066Ada\u2069 \uFEFFLovelace\u200f' })
    expect(updated.name).toBe('Ada Lovelace')
    expect(await stored(created.id)).toBe('Ada Lovelace')
    // A name of nothing but invisible characters: the email's local part, as with no name at all.
    const blank = await adapter().createUser!({
      name: '\u200b\u202e\u200b',
      email: `blank-${email}`,
      emailVerified: null,
      image: null,
    } as never)
    expect(await stored(blank.id)).toBe(`blank-${email.split('@')[0]}`)
  })

  it('deleting a reader removes their sessions and linked accounts', async () => {
    const reader = await createReader(payload, 'Leaver')
    const { sessionToken } = await sessionCookie(payload, reader.id)
    await adapter().linkAccount!({
      userId: String(reader.id),
      provider: 'github',
      providerAccountId: `gh-${reader.id}`,
      type: 'oauth',
    })
    await adapter().deleteUser!(String(reader.id))
    expect(await adapter().getSessionAndUser!(sessionToken)).toBeNull()
    expect(await adapter().getUserByAccount!({ provider: 'github', providerAccountId: `gh-${reader.id}` })).toBeNull()
  })
})

describe('after signing in or out, only this site', () => {
  const base = 'https://news.example.com'
  it.each([
    ['a path', '/articles/x#respond', 'https://news.example.com/articles/x#respond'],
    ['the site itself', 'https://news.example.com/a', 'https://news.example.com/a'],
    ['another host', 'https://evil.example/phish', 'https://news.example.com'],
    ['a protocol-relative host', '//evil.example/phish', 'https://news.example.com'],
    ['a look-alike host', 'https://news.example.com.evil.example/', 'https://news.example.com'],
    ['javascript:', 'javascript:alert(1)', 'https://news.example.com'],
    ['plain http of the same host', 'http://news.example.com/a', 'https://news.example.com'],
  ])('%s', (_name, url, expected) => expect(safeRedirect(url, base)).toBe(expected))
})
