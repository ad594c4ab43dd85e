import { APIError, type CollectionBeforeChangeHook, type CollectionConfig, type Where } from 'payload'

import { commentBlocksRead, commentCheckField } from '@/access/commentBlocks'
import { moderators } from '@/access/moderators'
import { hashKey } from '@/lib/comments/identity'
import { emailHint, UNKNOWN_ADDRESS_KEY } from '@/lib/comments/blocks'
import { now } from '@/lib/clock'
import type { Comment } from '@/payload-types'

export const HIDE_CHOICES = [
  { label: 'Leave their comments as they are', value: 'none' },
  { label: 'Mark their approved and pending comments as spam', value: 'spam' },
  { label: 'Move their approved and pending comments to the trash', value: 'trash' },
] as const

const neverWritten = { create: () => false, update: () => false }

/** A moderator's mistake: a 400 with the reason, never a 500. */
const badRequest = (message: string) => new APIError(message, 400, null, true)

/**
 * On create: reads the comment the block was made from (with full rights: its address hash is
 * readable by nobody) and keeps what identifies its author, hashed as the comment rules hash
 * them: the email (lower-cased) and the address (IPv4, or IPv6 by its /64). Then, if asked, hides
 * that author's approved and pending comments, each changed with the moderator's own rights.
 */
const fillFromComment: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const ref = data.comment
  const commentId = typeof ref === 'object' && ref ? ref.id : ref
  if (typeof commentId !== 'number' && typeof commentId !== 'string')
    throw badRequest('Pick the comment whose author to block.')
  const comment = (await req.payload.findByID({
    collection: 'comments',
    id: commentId,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
    select: { authorName: true, authorEmail: true, ip: true, ipHash: true },
  })) as Pick<Comment, 'id' | 'authorName' | 'authorEmail' | 'ip' | 'ipHash'> | null
  if (!comment) throw badRequest(`There is no comment ${commentId}.`)
  const email = comment.authorEmail?.trim().toLowerCase() || null
  const ipHash = comment.ipHash && comment.ipHash !== UNKNOWN_ADDRESS_KEY() ? comment.ipHash : null
  if (!email && !ipHash) throw badRequest('This comment has neither an email nor an address to block.')
  if (data.until && new Date(data.until) <= now())
    throw badRequest('The end of the block must be in the future (or empty: for good).')

  const emailHash = email ? hashKey('email', email) : null
  let hidden = 0
  if (data.hideComments === 'spam' || data.hideComments === 'trash') {
    const theirs: Where[] = [
      ...(email ? [{ authorEmail: { equals: email } }] : []),
      ...(ipHash ? [{ ipHash: { equals: ipHash } }] : []),
    ]
    // Which comments are theirs needs the address hash, which no caller reads: a lookup by ids.
    const found = await req.payload.find({
      collection: 'comments',
      where: { and: [{ or: theirs }, { status: { in: ['approved', 'pending'] } }] },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { status: true },
    })
    const ids = found.docs.map((doc) => doc.id)
    if (ids.length) {
      const result = await req.payload.update({
        collection: 'comments',
        where: { id: { in: ids } },
        data: { status: data.hideComments },
        overrideAccess: false,
        user: req.user,
        req,
      })
      if (result.errors.length)
        throw badRequest(`Could not hide their comments: ${result.errors.map((e) => e.message).join('; ')}`)
      hidden = result.docs.length
    }
  }
  return {
    ...data,
    comment: comment.id,
    authorName: comment.authorName || 'Anonymous',
    emailHint: email ? emailHint(email) : null,
    ip: ipHash ? comment.ip : null,
    emailHash,
    ipHash,
    blockedBy: req.user?.id ?? null,
    hiddenComments: hidden,
  }
}

/**
 * "Block this commenter": the email and the address of a comment's author, stored only as keyed
 * hashes (lib/comments/identity.ts), with an optional end and a reason shown to them. New comments
 * from either are refused with the ban message (lib/comments/submit.ts).
 */
export const Blocks: CollectionConfig = {
  slug: 'comment-blocks',
  labels: { singular: 'Blocked commenter', plural: 'Blocked commenters' },
  access: { create: moderators, read: commentBlocksRead, update: moderators, delete: moderators },
  admin: {
    useAsTitle: 'authorName',
    defaultColumns: ['authorName', 'emailHint', 'ip', 'reason', 'until', 'hiddenComments', 'createdAt'],
    description:
      'Commenters blocked from a comment ("Block this commenter" on its page). Their email and address are kept only as hashes. Delete a block to lift it.',
  },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'comment',
      label: 'Blocked from comment',
      type: 'relationship',
      relationTo: 'comments',
      // Required when made (the hook refuses a block without it); emptied if the comment is
      // deleted later (the trash purge), while the block stays.
      access: { update: () => false },
      admin: { readOnly: true },
    },
    { name: 'authorName', label: 'Name', type: 'text', access: neverWritten, admin: { readOnly: true } },
    { name: 'emailHint', label: 'Email (shortened)', type: 'text', access: neverWritten, admin: { readOnly: true } },
    { name: 'ip', label: 'IP address (truncated)', type: 'text', access: neverWritten, admin: { readOnly: true } },
    { name: 'reason', label: 'Reason (shown to the commenter)', type: 'textarea', maxLength: 500 },
    {
      name: 'until',
      label: 'Blocked until (empty: for good)',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      // One-shot, not stored: what to do with their comments when the block is made.
      name: 'hideComments',
      label: 'Their other comments',
      type: 'select',
      virtual: true,
      defaultValue: 'none',
      options: HIDE_CHOICES.map((c) => ({ ...c })),
      access: { update: () => false },
      admin: { condition: (_data, _sibling, { operation }) => operation === 'create' },
    },
    {
      name: 'hiddenComments',
      label: 'Comments hidden when blocked',
      type: 'number',
      defaultValue: 0,
      access: neverWritten,
      admin: { readOnly: true },
    },
    {
      name: 'emailHash',
      type: 'text',
      index: true,
      access: { read: commentCheckField, ...neverWritten },
      admin: { hidden: true },
    },
    {
      name: 'ipHash',
      type: 'text',
      index: true,
      access: { read: commentCheckField, ...neverWritten },
      admin: { hidden: true },
    },
    {
      name: 'blockedBy',
      type: 'relationship',
      relationTo: 'users',
      access: neverWritten,
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
  hooks: { beforeChange: [fillFromComment] },
}
