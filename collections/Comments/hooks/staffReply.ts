import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { hasRole } from '@/access/roles'
import { serverUrl, siteName } from '@/lib/env.mjs'
import type { Comment } from '@/payload-types'

const badRequest = (message: string) => new APIError(message, 400, null, true)
const idOf = (v: unknown) => (typeof v === 'object' && v ? (v as { id: unknown }).id : v)

/**
 * A reply as the publication (`byStaff`, which only moderators and admins may set): written in
 * /admin under a comment, stored approved under the site's name, linked to the site, with the
 * staff member who wrote it kept in `staffAuthor` (staff only). It goes on the parent's article,
 * and only under an approved comment (a reply under a hidden one would be hidden too).
 */
export const staffReply: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || data.byStaff !== true) return data
  if (!hasRole(req.user, 'admin', 'moderator'))
    throw new APIError('Only moderators and admins reply as the publication.', 403, null, true)
  const parentId = idOf(data.parent)
  if (typeof parentId !== 'number' && typeof parentId !== 'string')
    throw badRequest('A reply as the publication needs the comment it answers (parent).')
  const parent = (await req.payload.findByID({
    collection: 'comments',
    id: parentId,
    depth: 0,
    disableErrors: true,
    overrideAccess: false,
    user: req.user,
    req,
    select: { article: true, status: true },
  })) as Pick<Comment, 'id' | 'article' | 'status'> | null
  if (!parent) throw badRequest(`There is no comment ${parentId} to reply to.`)
  if (parent.status !== 'approved')
    throw badRequest('Approve the comment before replying to it: replies to hidden comments are not shown.')
  const articleId = idOf(parent.article)
  if (data.article !== undefined && data.article !== null && String(idOf(data.article)) !== String(articleId)) {
    throw badRequest('A reply goes on the same article as the comment it answers.')
  }
  return {
    ...data,
    article: articleId,
    parent: parent.id,
    status: 'approved',
    authorName: siteName(),
    authorEmail: null,
    authorUrl: serverUrl(),
    staffAuthor: req.user?.id,
    notify: false,
  }
}
