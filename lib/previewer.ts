import { draftMode, headers } from 'next/headers'

import type { User } from '@/payload-types'
import { payload } from './payload'

/**
 * The staff member previewing drafts: draft mode is on (/preview turned it on after checking the
 * admin session) and the request still carries that session. Else null: the published version.
 */
export async function previewer(): Promise<User | null> {
  if (!(await draftMode()).isEnabled) return null
  const { user } = await (await payload()).auth({ headers: await headers() })
  return (user as User | null) ?? null
}
