import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { startPayload } from '../helpers/payload'
import { createReader, sessionCookie } from '../helpers/readers'
import { graphql, login, rest } from '../helpers/rest'
import { createStaff, PASSWORD, type Role } from '../helpers/staff'

/**
 * Who reaches the `readers` collection (and its sign-in collections) over the Local API, REST and
 * GraphQL. A signed-in reader is never a Payload user: their session cookie is just another
 * anonymous request to /api, and the server reads only their own record on their behalf.
 */
type Who = 'anonymous' | 'reader' | Role
const WHO: Who[] = ['anonymous', 'reader', 'editor', 'moderator', 'admin']
const mayModerate = (who: Who) => who === 'moderator' || who === 'admin'

let payload: Payload
let stop: () => Promise<void>
let staff: Record<Role, User>
let alice: { id: number; email: string }
let bob: { id: number; email: string }
let aliceCookie: string
const tokens: Partial<Record<Who, string>> = {}

const auth = (who: Who) => (who === 'reader' ? { cookie: aliceCookie } : { token: tokens[who] })
const local = (who: Who) =>
  who === 'anonymous'
    ? { overrideAccess: false }
    : who === 'reader'
      ? { overrideAccess: false, context: { readerId: alice.id } }
      : { overrideAccess: false, user: staff[who] }

beforeAll(async () => {
  ;({ payload, stop } = await startPayload())
  staff = await createStaff(payload)
  for (const role of ['editor', 'moderator', 'admin'] as Role[]) tokens[role] = await login(staff[role].email, PASSWORD)
  alice = await createReader(payload, 'Alice')
  bob = await createReader(payload, 'Bob')
  aliceCookie = (await sessionCookie(payload, alice.id)).cookie
})
afterAll(() => stop?.())

describe('read', () => {
  it.each(WHO)('%s: Local API with overrideAccess false', async (who) => {
    const attempt = payload.find({ collection: 'readers', ...local(who) })
    if (who === 'anonymous' || who === 'editor') return expect(attempt).rejects.toThrow(/not allowed/i)
    const emails = (await attempt).docs.map((d) => d.email)
    if (who === 'reader') expect(emails).toEqual([alice.email])
    else expect(emails).toEqual(expect.arrayContaining([alice.email, bob.email]))
    const other = payload.findByID({ collection: 'readers', id: bob.id, ...local(who) })
    if (who === 'reader') await expect(other).rejects.toThrow('Not Found')
    else await expect(other).resolves.toMatchObject({ email: bob.email })
  })

  it.each(WHO)('%s: REST list and one record', async (who) => {
    const list = await rest('GET', 'readers?limit=50', auth(who))
    expect(list.status).toBe(mayModerate(who) ? 200 : 403)
    expect(JSON.stringify(list.json).includes(bob.email)).toBe(mayModerate(who))
    const one = await rest('GET', `readers/${bob.id}`, auth(who))
    expect(one.status).toBe(mayModerate(who) ? 200 : 403)
    const own = await rest('GET', `readers/${alice.id}`, auth(who))
    expect(own.status).toBe(mayModerate(who) ? 200 : 403)
  })

  it.each(WHO)('%s: GraphQL', async (who) => {
    const { json } = await graphql('{ Readers { docs { email banned } } }', auth(who))
    const emails = (json.data?.Readers?.docs ?? []).map((d: { email: string }) => d.email)
    expect(emails.includes(bob.email)).toBe(mayModerate(who))
    expect(emails.includes(alice.email)).toBe(mayModerate(who))
  })
})

describe('write', () => {
  it.each(WHO)('%s: nobody creates readers over the API (only sign-in does)', async (who) => {
    const viaRest = await rest('POST', 'readers', {
      ...auth(who),
      body: { name: 'Mallory', email: `m-${who}@readers.test` },
    })
    expect(viaRest.status).toBe(403)
    const viaGql = await graphql(
      `mutation { createReader(data: { name: "Gql", email: "g-${who}@readers.test" }) { id } }`,
      auth(who),
    )
    expect(viaGql.json.data?.createReader?.id).toBeFalsy()
  })

  it.each(WHO)("%s: ban over REST only as a moderator or admin; counts stay the server's", async (who) => {
    const target = await createReader(payload, `Target ${who}`)
    const patch = await rest('PATCH', `readers/${target.id}`, {
      ...auth(who),
      body: { banned: true, banReason: 'Trolling', approvedCount: 99 },
    })
    expect(patch.status).toBe(mayModerate(who) ? 200 : 403)
    const stored = await payload.findByID({ collection: 'readers', id: target.id })
    expect(stored.banned).toBe(mayModerate(who))
    expect(stored.approvedCount).toBe(0)
  })

  it.each(WHO)('%s: delete only as an admin', async (who) => {
    const target = await createReader(payload, `Gone ${who}`)
    const del = await rest('DELETE', `readers/${target.id}`, auth(who))
    expect(del.status).toBe(who === 'admin' ? 200 : 403)
  })
})

describe('the sign-in collections and the rest of /api', () => {
  it.each(WHO)(
    '%s: sessions and magic-link tokens are reachable by nobody; linked accounts by moderators',
    async (who) => {
      expect((await rest('GET', 'reader-sessions', auth(who))).status).toBe(403)
      expect((await rest('GET', 'reader-verification-tokens', auth(who))).status).toBe(403)
      expect((await rest('GET', 'reader-accounts', auth(who))).status).toBe(mayModerate(who) ? 200 : 403)
      expect(
        (
          await rest('POST', 'reader-sessions', {
            ...auth(who),
            body: { tokenHash: 'x', reader: alice.id, expires: '2099-01-01' },
          })
        ).status,
      ).toBe(403)
    },
  )

  it('a reader session is no Payload login: not a user, and no write access anywhere', async () => {
    const cookie = aliceCookie
    expect((await rest('GET', 'users/me', { cookie })).json.user).toBeNull()
    expect((await rest('POST', 'comments', { cookie, body: { article: 1, body: 'x' } })).status).toBe(403)
    expect((await rest('POST', 'articles', { cookie, body: { title: 'x' } })).status).toBe(403)
    expect((await rest('PATCH', `readers/${alice.id}`, { cookie, body: { banned: false } })).status).toBe(403)
  })
})
