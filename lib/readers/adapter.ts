import type { Adapter, AdapterAccount, AdapterUser } from 'next-auth/adapters'
import type { Where } from 'payload'

import type { Reader } from '@/payload-types'
import { idOf, nameFromEmail, type PayloadGetter, readerName, toAdapterUser } from './adapterShared'
import { sessionMethods } from './adapterSessions'
import { READER_SYSTEM } from './context'
import { now } from '../clock'

/**
 * next-auth 4's adapter over Payload's Local API: readers, their linked accounts, sessions and
 * magic-link tokens are Payload collections. Every call is made with overrideAccess: false and
 * the reader-system context, which only this server code can set. Readers and accounts here;
 * sessions and magic-link tokens in ./adapterSessions.ts.
 */
export function payloadAdapter(getPayload: PayloadGetter): Adapter {
  const findReader = async (where: Where) => {
    const { docs } = await (
      await getPayload()
    ).find({ collection: 'readers', where, limit: 1, depth: 0, ...READER_SYSTEM })
    return docs[0] ? toAdapterUser(docs[0]) : null
  }

  return {
    async createUser(user: Omit<AdapterUser, 'id'>) {
      const payload = await getPayload()
      const doc = await payload.create({
        collection: 'readers',
        data: {
          name: readerName(user.name) ?? readerName(nameFromEmail(user.email)) ?? 'Reader',
          email: user.email ? user.email.toLowerCase() : null,
          emailVerified: user.emailVerified ? user.emailVerified.toISOString() : null,
          image: user.image?.slice(0, 500) ?? null,
          lastSeen: now().toISOString(),
        },
        ...READER_SYSTEM,
      })
      return toAdapterUser(doc)
    },
    getUser: (id) => findReader({ id: { equals: Number(id) } }),
    getUserByEmail: (email) => findReader({ email: { equals: email.toLowerCase() } }),
    async getUserByAccount({ provider, providerAccountId }) {
      const { docs } = await (
        await getPayload()
      ).find({
        collection: 'reader-accounts',
        where: { provider: { equals: provider }, providerAccountId: { equals: providerAccountId } },
        limit: 1,
        depth: 0,
        ...READER_SYSTEM,
      })
      return docs[0] ? findReader({ id: { equals: idOf(docs[0].reader) } }) : null
    },
    async updateUser({ id, name, email, emailVerified, image }) {
      const data: Partial<Reader> = {}
      const cleanName = readerName(name)
      if (cleanName) data.name = cleanName
      if (email) data.email = email.toLowerCase()
      if (emailVerified !== undefined) data.emailVerified = emailVerified ? emailVerified.toISOString() : null
      if (image !== undefined) data.image = image?.slice(0, 500) ?? null
      const doc = await (
        await getPayload()
      ).update({ collection: 'readers', id: Number(id), data, depth: 0, ...READER_SYSTEM })
      return toAdapterUser(doc)
    },
    async deleteUser(id) {
      await (await getPayload()).delete({ collection: 'readers', id: Number(id), ...READER_SYSTEM })
    },
    async linkAccount(account: AdapterAccount) {
      // Only which provider and the id there; access and refresh tokens are not stored.
      await (
        await getPayload()
      ).create({
        collection: 'reader-accounts',
        data: {
          reader: Number(account.userId),
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          type: account.type,
        },
        ...READER_SYSTEM,
      })
    },
    async unlinkAccount({ provider, providerAccountId }: Pick<AdapterAccount, 'provider' | 'providerAccountId'>) {
      await (
        await getPayload()
      ).delete({
        collection: 'reader-accounts',
        where: { provider: { equals: provider }, providerAccountId: { equals: providerAccountId } },
        ...READER_SYSTEM,
      })
    },
    ...sessionMethods(getPayload),
  }
}
