import type { Payload, Where } from 'payload'

import type { Reader } from '@/payload-types'
import { now as clockNow } from '../clock'
import { asReader } from '../readers/context'
import { blockRefusal, blocksFor } from './blocks'
import { hashKey, rateLimitKey, truncateIp } from './identity'
import { MESSAGES } from './messages'
import {
  authorRefusal,
  cleanBody,
  cleanLine,
  type CommentInput,
  type Facts,
  type FieldError,
  judge,
  type Meta,
  refusal,
  validateInput,
} from './rules'
import { type PublicComment, toAuthorsView } from './publicComment'
import { loadSettings } from './settings'
import { throttle } from './throttle'

/** readerId: the signed-in reader, from the verified session (never from the form). */
export type Submission = CommentInput & {
  articleId: number
  parentId?: number | null
  notify?: boolean
  readerId?: number | null
}

export type SubmitResult = { ok: true; comment: PublicComment } | { ok: false; errors: FieldError[]; message?: string }

/** Trimmed, and without the invisible characters (controls, bidi, zero-width) nobody means to send. */
const trimmed = (s: Submission): Submission => ({
  ...s,
  body: cleanBody(s.body).trim(),
  authorName: cleanLine(s.authorName).trim(),
  authorEmail: cleanLine(s.authorEmail).trim().toLowerCase(),
  authorUrl: cleanLine(s.authorUrl).trim(),
})

/**
 * The one path by which a reader's comment is stored: validate, check the article and thread,
 * refuse duplicates, floods and over-limit addresses, judge it, then create it. Nothing is
 * stored unless every refusal passed; spam is stored (for the moderator) but never shown.
 */
export async function submitComment(
  payload: Payload,
  raw: Submission,
  meta: Meta,
  now = clockNow(),
): Promise<SubmitResult> {
  const [settings, reader] = await Promise.all([
    loadSettings(payload),
    raw.readerId ? loadReader(payload, raw.readerId) : null,
  ])
  if (raw.readerId && !reader) return { ok: false, errors: [], message: MESSAGES.loginRequired }
  const refusedAuthor = authorRefusal(reader, settings, now)
  if (refusedAuthor) return { ok: false, errors: [], message: refusedAuthor }
  // A signed-in reader comments under their account's name and email, whatever the form says.
  const input = trimmed(reader ? { ...raw, authorName: reader.name, authorEmail: reader.email ?? '' } : raw)
  // IPv6 counts by its /64: one subscriber's whole range is one sender.
  const ipKey = hashKey('ip', rateLimitKey(meta.ip))
  // "Block this commenter": their email or their address, anonymous or signed in.
  const blocked = blockRefusal(await blocksFor(payload, { email: input.authorEmail || null, ipKey }), now)
  if (blocked) return { ok: false, errors: [], message: blocked }

  const errors = validateInput(input, settings, { signedIn: Boolean(reader) })
  if (errors.length) return { ok: false, errors }

  const facts = await gatherFacts(payload, input, reader)
  const refused = refusal(facts, settings, now)
  if (refused) return { ok: false, errors: [], message: refused }

  const authorKey = reader
    ? hashKey('reader', String(reader.id))
    : input.authorEmail
      ? hashKey('email', input.authorEmail)
      : null
  const limited = await throttle(payload, { ip: ipKey, email: authorKey }, settings.perIpPerHour)
  if (limited) return { ok: false, errors: [], message: limited }

  const verdict = judge(input, meta, facts, settings)
  const doc = await payload.create({
    collection: 'comments',
    overrideAccess: false,
    // The answer needs the comment's own fields only; the default depth read the whole article back.
    depth: 0,
    context: { commentSubmission: true },
    data: {
      article: input.articleId,
      parent: input.parentId ?? null,
      body: input.body,
      authorName: input.authorName || 'Anonymous',
      authorEmail: input.authorEmail || null,
      reader: reader?.id ?? null,
      authorUrl: input.authorUrl || null,
      status: verdict.status,
      verdict: { score: verdict.score, hits: verdict.hits },
      ip: truncateIp(meta.ip),
      ipHash: ipKey,
      userAgent: meta.userAgent.slice(0, 500),
      notify: Boolean(input.notify),
    },
  })
  return {
    ok: true,
    comment: toAuthorsView({ ...doc, parent: input.parentId ?? null }),
  }
}

/** The reader as they are now (a ban may have been saved a moment ago), read with their own rights. */
const loadReader = (payload: Payload, id: number): Promise<Reader | null> =>
  payload.findByID({ collection: 'readers', id, depth: 0, disableErrors: true, ...asReader(id) })

/** Every database read the rules need, done once. A signed-in reader is known by id, not email. */
async function gatherFacts(payload: Payload, input: Submission, reader: Reader | null): Promise<Facts> {
  // Anonymous trust counts only anonymous comments with that name and email (as WordPress does):
  // knowing a trusted commenter's email is not enough, and typing a reader's email into the form
  // does not borrow their record.
  const anonymous: Where = { authorEmail: { equals: input.authorEmail }, reader: { exists: false } }
  const author: Where = reader ? { reader: { equals: reader.id } } : anonymous
  const sameName: Where = reader ? {} : { authorName: { equals: input.authorName || 'Anonymous' } }
  const known = Boolean(reader || input.authorEmail)
  const [articles, parents, approvedBefore, duplicates] = await Promise.all([
    payload.find({
      collection: 'articles',
      overrideAccess: false,
      where: { id: { equals: input.articleId } },
      limit: 1,
      depth: 0,
      select: { publishedAt: true, commentsOpen: true },
    }),
    input.parentId
      ? payload.find({
          collection: 'comments',
          overrideAccess: false,
          where: { id: { equals: input.parentId } },
          limit: 1,
          depth: 0,
          select: { article: true, status: true },
        })
      : null,
    // Counts over private fields (email), never returned to the reader: they need full access.
    known
      ? payload.count({
          collection: 'comments',
          overrideAccess: true,
          where: { ...author, ...sameName, status: { equals: 'approved' } },
        })
      : { totalDocs: 0 },
    known
      ? payload.count({
          collection: 'comments',
          overrideAccess: true,
          where: {
            article: { equals: input.articleId },
            ...author,
            body: { equals: input.body },
            status: { not_equals: 'trash' },
          },
        })
      : { totalDocs: 0 },
  ])
  const article = articles.docs[0]
  const parent = parents?.docs[0]
  return {
    article: article
      ? { publishedAt: article.publishedAt ?? null, commentsOpen: article.commentsOpen !== false }
      : null,
    parent: input.parentId
      ? parent
        ? { sameArticle: Number(parent.article) === input.articleId, approved: parent.status === 'approved' }
        : null
      : undefined,
    approvedBefore: approvedBefore.totalDocs,
    byReader: Boolean(reader),
    duplicate: duplicates.totalDocs > 0,
  }
}
