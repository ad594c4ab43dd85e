import type { AdapterUser } from 'next-auth/adapters'
import type { Payload } from 'payload'

import type { Reader } from '@/payload-types'
import { cleanLine } from '../comments/rules'

/** What the adapter's halves share: how they reach Payload, and a reader as next-auth sees one. */
export type PayloadGetter = () => Promise<Payload>

export const idOf = (value: number | { id: number }) => (typeof value === 'object' ? value.id : value)

export const nameFromEmail = (email: string | null | undefined) => (email ? email.split('@')[0] : 'Reader')

/**
 * The name a provider sent, cleaned as comment names are (no controls, bidi overrides or
 * zero-width characters: it is shown beside the reader's comments), null when nothing is left.
 */
export const readerName = (name: string | null | undefined) =>
  cleanLine(name ?? '')
    .trim()
    .slice(0, 245) || null

export function toAdapterUser(r: Reader): AdapterUser {
  return {
    id: String(r.id),
    name: r.name,
    email: r.email ?? '',
    emailVerified: r.emailVerified ? new Date(r.emailVerified) : null,
    image: r.image ?? null,
  }
}
