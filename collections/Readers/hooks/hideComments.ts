import type { CheckboxField, CollectionAfterChangeHook } from 'payload'

import type { Reader } from '@/payload-types'
import { recountReader } from '../../Comments/hooks/recountReader'

const FLAG = 'hideCommentsOfReader'

/**
 * "Hide all their comments": a one-shot action, not stored (a virtual field). Saving the reader
 * with it ticked marks every approved or pending comment of theirs as spam, as the moderator
 * saving it (so each comment records who moderated it).
 */
export const hideCommentsField: CheckboxField = {
  name: 'hideAllComments',
  label: 'Hide all their comments when I save (marks every approved or pending comment of theirs as spam)',
  type: 'checkbox',
  virtual: true,
  defaultValue: false,
  admin: { readOnly: false },
  hooks: {
    beforeChange: [
      ({ value, req, originalDoc }) => {
        if (value === true && originalDoc?.id) req.context[FLAG] = originalDoc.id
        return false
      },
    ],
    afterRead: [() => false],
  },
}

export const hideCommentsOnSave: CollectionAfterChangeHook<Reader> = async ({ doc, req }) => {
  if (req.context[FLAG] !== doc.id) return doc
  delete req.context[FLAG]
  req.context.skipReaderRecount = true
  try {
    await req.payload.update({
      collection: 'comments',
      where: { reader: { equals: doc.id }, status: { in: ['approved', 'pending'] } },
      data: { status: 'spam' },
      overrideAccess: false,
      req,
    })
  } finally {
    req.context.skipReaderRecount = false
  }
  await recountReader(req, doc.id)
  return doc
}
