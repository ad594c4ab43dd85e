import type { Payload, Where } from 'payload'

import { UNKNOWN_ADDRESS } from '../../server/clientAddress.mjs'
import { hashKey } from './identity'
import { MESSAGES } from './messages'

/** A stored block as the rules see it. */
export type BlockFacts = { reason?: string | null; until?: string | null }

/**
 * The hash of the address "unknown" (a request whose sender could not be told, e.g. under a
 * plain `next start`): never blocked, or one block would refuse everybody.
 */
export const UNKNOWN_ADDRESS_KEY = () => hashKey('ip', UNKNOWN_ADDRESS)

/** What moderators see of a blocked email: its first letter and its domain (`p…@example.test`). */
export const emailHint = (email: string) => {
  const [local = '', domain = ''] = email.split('@')
  return `${local.slice(0, 1)}…@${domain}`
}

/** The ban message for the first block still in force (no end, or an end later than now), or null. */
export function blockRefusal(blocks: BlockFacts[], now: Date): string | null {
  const active = blocks.find((block) => !block.until || new Date(block.until) > now)
  return active ? MESSAGES.banned(active.reason?.trim() || null) : null
}

/**
 * The blocks on this email or address (ipKey: the hashed rate-limit key the comment would be
 * stored with). Read with the comment submission's own rights (access/commentBlocks.ts).
 */
export async function blocksFor(
  payload: Payload,
  { email, ipKey }: { email: string | null; ipKey: string },
): Promise<BlockFacts[]> {
  const who: Where[] = [
    ...(email ? [{ emailHash: { equals: hashKey('email', email) } }] : []),
    ...(ipKey !== UNKNOWN_ADDRESS_KEY() ? [{ ipHash: { equals: ipKey } }] : []),
  ]
  if (!who.length) return []
  const { docs } = await payload.find({
    collection: 'comment-blocks',
    overrideAccess: false,
    context: { commentSubmission: true },
    where: { or: who },
    depth: 0,
    limit: 20,
    sort: '-createdAt',
    select: { reason: true, until: true },
  })
  return docs
}
