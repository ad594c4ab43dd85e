import type { Payload } from 'payload'

import type { Comment } from '@/payload-types'
import { now as clockNow } from '../clock'
import { asReader } from '../readers/context'
import { MESSAGES } from './messages'
import { cleanBody, editRefusal, type FieldError, type Meta, statusAfterEdit, validateInput } from './rules'
import { loadSettings } from './settings'
import { PUBLIC_COMMENT_FIELDS, type PublicComment, readerIdOf, toAuthorsView } from './publicComment'

export type OwnResult = { ok: true; comment?: PublicComment } | { ok: false; message: string; errors?: FieldError[] }

/** The comment as its author may see it, or null: read with the reader's rights only. */
async function ownComment(payload: Payload, readerId: number, id: number) {
  const { docs } = await payload.find({
    collection: 'comments',
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    select: { ...PUBLIC_COMMENT_FIELDS, reader: true, article: true },
    ...asReader(readerId),
  })
  return docs[0] ?? null
}

/** Local API options for a reader changing their own recent comment (access/ownComment.ts). */
const asAuthor = (readerId: number) => ({ overrideAccess: false, context: { commentEditBy: readerId } }) as const

/**
 * A signed-in reader edits their own comment within 10 minutes of posting it. The new words are
 * judged again: an approved comment stays approved unless a rule now holds it.
 */
export async function editOwnComment(
  payload: Payload,
  readerId: number,
  id: number,
  rawBody: string,
  meta: Meta,
  now = clockNow(),
): Promise<OwnResult> {
  const body = cleanBody(rawBody).trim()
  const errors = validateInput(
    { body, authorName: '', authorEmail: '', authorUrl: '' },
    { requireNameEmail: false },
    { signedIn: true },
  )
  if (errors.length) return { ok: false, message: errors[0].message, errors }
  const found = await ownComment(payload, readerId, id)
  const refused = editRefusal(
    found && { reader: readerIdOf(found), createdAt: found.createdAt, status: found.status },
    readerId,
    now,
  )
  if (refused || !found) return { ok: false, message: refused ?? MESSAGES.notYours }

  const settings = await loadSettings(payload)
  const input = {
    body,
    authorName: found.authorName ?? '',
    authorEmail: '',
    authorUrl: found.authorUrl ?? '',
  }
  const verdict = statusAfterEdit(
    found.status === 'approved' ? 'approved' : 'pending',
    input,
    meta,
    { article: null, approvedBefore: 0, duplicate: false },
    settings,
  )
  const data: Partial<Comment> = { body, status: verdict.status }
  if (verdict.hits.length) data.verdict = { score: verdict.score, hits: verdict.hits, edited: true }
  const doc = await payload.update({
    collection: 'comments',
    id,
    data,
    depth: 0,
    ...asAuthor(readerId),
  })
  return { ok: true, comment: toAuthorsView({ ...doc, parent: found.parent }) }
}

/** A signed-in reader deletes their own comment within 10 minutes of posting it. */
export async function deleteOwnComment(
  payload: Payload,
  readerId: number,
  id: number,
  now = clockNow(),
): Promise<OwnResult> {
  const found = await ownComment(payload, readerId, id)
  const refused = editRefusal(
    found && { reader: readerIdOf(found), createdAt: found.createdAt, status: found.status },
    readerId,
    now,
  )
  if (refused) return { ok: false, message: refused }
  await payload.delete({ collection: 'comments', id, ...asAuthor(readerId) })
  return { ok: true }
}
