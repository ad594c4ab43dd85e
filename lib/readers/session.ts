import { getServerSession } from 'next-auth'

import type { Reader } from '@/payload-types'
import { payload } from '../payload'
import { asReader } from './context'
import { authOptions } from './options'

/**
 * The signed-in reader's id for this request (server actions, route handlers), from next-auth's
 * database session; null when nobody is signed in. A staff login in /admin (Payload's own
 * cookie) is never a reader.
 */
export async function sessionReaderId(): Promise<number | null> {
  const session = await getServerSession(authOptions())
  return session?.reader?.id ?? null
}

/** The signed-in reader, read fresh from the database with their own rights only. */
export async function currentReader(): Promise<Reader | null> {
  const id = await sessionReaderId()
  if (!id) return null
  return (await payload()).findByID({
    collection: 'readers',
    id,
    depth: 0,
    disableErrors: true,
    ...asReader(id),
  })
}
