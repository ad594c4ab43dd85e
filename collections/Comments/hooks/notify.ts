import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { Comment } from '@/payload-types'
import { serverUrl } from '@/lib/env.mjs'

const idOf = (v: number | { id: number } | null | undefined) => (typeof v === 'object' && v ? v.id : (v ?? null))

/**
 * Mail about comments, sent after the change is saved and never holding up the reader or the
 * moderator: a failure is logged, not thrown.
 * - A new pending comment, or one readers' reports sent back to the queue: every moderator and
 *   admin, with a link to it in the admin.
 * - A comment approved: its author, if they ticked "notify me" (once).
 * - A reply approved: the parent comment's author, if they ticked "notify me".
 */
export const notifyAboutComment: CollectionAfterChangeHook<Comment> = ({ doc, previousDoc, operation, req }) => {
  // Imported comments (scripts/import) were moderated on the old site: nobody is mailed.
  if (req.context?.importing) return doc
  const jobs: Promise<unknown>[] = []
  const reported =
    req.context?.reportThreshold === true && doc.status === 'pending' && previousDoc?.status === 'approved'
  if ((operation === 'create' && doc.status === 'pending') || reported) jobs.push(mailModerators(req, doc))
  const becameApproved = doc.status === 'approved' && previousDoc?.status !== 'approved'
  // A reply as the publication is approved from the start: its parent's author hears of it.
  if (operation === 'create' && doc.byStaff && doc.status === 'approved' && doc.parent)
    jobs.push(mailParentAuthor(req, doc))
  if (becameApproved && operation === 'update') {
    if (doc.notify && doc.authorEmail) jobs.push(mailAuthorApproved(req, doc))
    if (doc.parent) jobs.push(mailParentAuthor(req, doc))
  }
  const sent = Promise.allSettled(jobs).then((results) => {
    for (const r of results)
      if (r.status === 'rejected') req.payload.logger.error({ msg: 'comment email failed', err: r.reason })
  })
  inFlight.add(sent)
  void sent.finally(() => {
    inFlight.delete(sent)
    settled += 1
  })
  return doc
}

const inFlight = new Set<Promise<void>>()
let settled = 0

/**
 * Waits until the mail of every comment change made so far has been handed to SMTP (or failed).
 * Requests never wait; tests and scripts do. Resolves to the number of comment changes whose
 * mail has settled since the process started, so a caller can tell that its change was one of them.
 */
export async function commentMailSettled(): Promise<number> {
  await Promise.all([...inFlight])
  return settled
}

async function articleOf(req: PayloadRequest, doc: Comment) {
  return req.payload.findByID({
    collection: 'articles',
    id: idOf(doc.article as never)!,
    depth: 0,
    select: { title: true, slug: true },
    overrideAccess: true,
  })
}

async function mailModerators(req: PayloadRequest, doc: Comment) {
  const [{ docs: staff }, article] = await Promise.all([
    req.payload.find({
      collection: 'users',
      where: { roles: { in: ['moderator', 'admin'] } },
      select: { email: true },
      pagination: false,
      overrideAccess: true,
    }),
    articleOf(req, doc),
  ])
  if (!staff.length) return
  await req.payload.sendEmail({
    to: staff.map((u) => u.email),
    subject: `New comment awaiting moderation on "${article.title}"`,
    text: `${doc.authorName ?? 'Someone'} wrote:\n\n${doc.body}\n\nApprove, reject or mark it as spam:\n${serverUrl()}/admin/collections/comments/${doc.id}\n`,
  })
}

async function mailAuthorApproved(req: PayloadRequest, doc: Comment) {
  const article = await articleOf(req, doc)
  await req.payload.sendEmail({
    to: doc.authorEmail!,
    subject: `Your comment on "${article.title}" is published`,
    text: `Hello ${doc.authorName ?? ''},\n\nyour comment has been approved:\n${serverUrl()}/articles/${article.slug}#comment-${doc.id}\n`,
  })
}

async function mailParentAuthor(req: PayloadRequest, doc: Comment) {
  const parent = await req.payload.findByID({
    collection: 'comments',
    id: idOf(doc.parent as never)!,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!parent?.notify || !parent.authorEmail || parent.authorEmail === doc.authorEmail) return
  const article = await articleOf(req, doc)
  await req.payload.sendEmail({
    to: parent.authorEmail,
    subject: `New reply to your comment on "${article.title}"`,
    text: `${doc.authorName ?? 'Someone'} replied:\n\n${doc.body}\n\nRead it: ${serverUrl()}/articles/${article.slug}#comment-${doc.id}\n`,
  })
}
