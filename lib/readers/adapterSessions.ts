import { createHash } from 'crypto'
import type { Adapter, AdapterSession, VerificationToken } from 'next-auth/adapters'

import { now } from '../clock'
import { activeBan } from '../comments/rules'
import { idOf, type PayloadGetter, toAdapterUser } from './adapterShared'
import { READER_SYSTEM } from './context'

type Pool = {
  query: (sql: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')
/** Updating lastSeen on every page view would be a write per view; once in 15 minutes is enough. */
const LAST_SEEN_EVERY_MS = 15 * 60_000

/**
 * The adapter's sessions (database strategy; only a SHA-256 of each token is stored) and
 * magic-link tokens (single use: deleted atomically when used).
 */
export function sessionMethods(getPayload: PayloadGetter): Adapter {
  return {
    async createSession({ sessionToken, userId, expires }) {
      await (
        await getPayload()
      ).create({
        collection: 'reader-sessions',
        data: {
          tokenHash: sha256(sessionToken),
          reader: Number(userId),
          expires: expires.toISOString(),
        },
        ...READER_SYSTEM,
      })
      return { sessionToken, userId, expires }
    },
    async getSessionAndUser(sessionToken) {
      const payload = await getPayload()
      const { docs } = await payload.find({
        collection: 'reader-sessions',
        where: { tokenHash: { equals: sha256(sessionToken) } },
        limit: 1,
        depth: 0,
        ...READER_SYSTEM,
      })
      const row = docs[0]
      if (!row) return null
      const reader = await payload.findByID({
        collection: 'readers',
        id: idOf(row.reader),
        depth: 0,
        disableErrors: true,
        ...READER_SYSTEM,
      })
      if (!reader) return null
      if (!reader.lastSeen || now().getTime() - new Date(reader.lastSeen).getTime() > LAST_SEEN_EVERY_MS) {
        await payload.update({
          collection: 'readers',
          id: reader.id,
          data: { lastSeen: now().toISOString() },
          depth: 0,
          ...READER_SYSTEM,
        })
      }
      const session: AdapterSession = {
        sessionToken,
        userId: String(reader.id),
        expires: new Date(row.expires),
      }
      const ban = activeBan(reader, now())
      return {
        session,
        user: {
          ...toAdapterUser(reader),
          ban: ban && { ...ban, until: reader.bannedUntil ?? null },
        },
      }
    },
    async updateSession({ sessionToken, expires }) {
      if (!expires) return null
      const { docs } = await (
        await getPayload()
      ).update({
        collection: 'reader-sessions',
        where: { tokenHash: { equals: sha256(sessionToken) } },
        data: { expires: expires.toISOString() },
        depth: 0,
        ...READER_SYSTEM,
      })
      return docs[0] ? { sessionToken, userId: String(idOf(docs[0].reader)), expires } : null
    },
    async deleteSession(sessionToken) {
      await (
        await getPayload()
      ).delete({
        collection: 'reader-sessions',
        where: { tokenHash: { equals: sha256(sessionToken) } },
        ...READER_SYSTEM,
      })
    },
    async createVerificationToken(token) {
      const payload = await getPayload()
      // Expired links are pruned here; a link still valid stays valid until used or expired.
      await payload.delete({
        collection: 'reader-verification-tokens',
        where: { expires: { less_than: now().toISOString() } },
        ...READER_SYSTEM,
      })
      await payload.create({
        collection: 'reader-verification-tokens',
        data: { ...token, expires: token.expires.toISOString() },
        ...READER_SYSTEM,
      })
      return token
    },
    async useVerificationToken({ identifier, token }): Promise<VerificationToken | null> {
      // One atomic DELETE … RETURNING: of two requests racing with the same link, only one wins.
      const pool = (await getPayload()).db as unknown as { pool: Pool }
      const { rows } = await pool.pool.query(
        'delete from reader_verification_tokens where identifier = $1 and token = $2 returning identifier, token, expires',
        [identifier, token],
      )
      const row = rows[0]
      return row
        ? {
            identifier: String(row.identifier),
            token: String(row.token),
            expires: new Date(row.expires as string | Date),
          }
        : null
    },
  }
}
