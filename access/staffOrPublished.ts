import type { Access, Where } from 'payload'

import { isStaff } from './roles'

/**
 * Staff read everything (drafts included); everyone else reads published articles whose
 * publishedAt has come. A future publishedAt keeps an article hidden until then.
 */
export const staffOrPublished: Access = ({ req: { user } }) => {
  if (isStaff(user)) return true
  const published: Where = {
    and: [
      { _status: { equals: 'published' } },
      { publishedAt: { less_than_equal: new Date().toISOString() } },
    ],
  }
  return published
}
