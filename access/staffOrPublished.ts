import type { Access, Where } from 'payload'

import { isStaff } from './roles'
import { now } from '@/lib/clock'

/**
 * Staff read everything (drafts included); everyone else reads published articles whose
 * publishedAt has come. A future publishedAt keeps an article hidden until then.
 */
export const staffOrPublished: Access = ({ req: { user } }) => {
  if (isStaff(user)) return true
  const published: Where = {
    and: [{ _status: { equals: 'published' } }, { publishedAt: { less_than_equal: now().toISOString() } }],
  }
  return published
}
