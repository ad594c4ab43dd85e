import type { Payload } from 'payload'

import type { Comment } from '@/payload-types'
import { hashKey, truncateIp } from './identity'
import { type CommentInput, type Facts, type FieldError, judge, type Meta, refusal, validateInput } from './rules'
import { loadSettings } from './settings'
import { throttle } from './throttle'

export type Submission = CommentInput & { articleId: number; parentId?: number | null; notify?: boolean }

export type PublicComment = Pick<Comment, 'id' | 'body' | 'authorName' | 'authorUrl' | 'createdAt' | 'status'> & { parent: number | null }

export type SubmitResult =
  | { ok: true; comment: PublicComment }
  | { ok: false; errors: FieldError[]; message?: string }

const trimmed = (s: Submission): Submission => ({
  ...s,
  body: s.body.replace(/\r\n/g, '\n').trim(),
  authorName: s.authorName.trim(),
  authorEmail: s.authorEmail.trim().toLowerCase(),
  authorUrl: s.authorUrl.trim(),
})

/**
 * The one path by which a reader's comment is stored: validate, check the article and thread,
 * refuse duplicates, floods and over-limit addresses, judge it, then create it. Nothing is
 * stored unless every refusal passed; spam is stored (for the moderator) but never shown.
 */
export async function submitComment(payload: Payload, raw: Submission, meta: Meta, now = new Date()): Promise<SubmitResult> {
  const input = trimmed(raw)
  const settings = await loadSettings(payload)

  const errors = validateInput(input, settings)
  if (errors.length) return { ok: false, errors }

  const facts = await gatherFacts(payload, input)
  const refused = refusal(facts, settings, now)
  if (refused) return { ok: false, errors: [], message: refused }

  const ipKey = hashKey('ip', meta.ip)
  const limited = await throttle(payload, { ip: ipKey, email: input.authorEmail ? hashKey('email', input.authorEmail) : null }, settings.perIpPerHour)
  if (limited) return { ok: false, errors: [], message: limited }

  const verdict = judge(input, meta, facts, settings)
  const doc = await payload.create({
    collection: 'comments',
    overrideAccess: false,
    context: { commentSubmission: true },
    data: {
      article: input.articleId,
      parent: input.parentId ?? null,
      body: input.body,
      authorName: input.authorName || 'Anonymous',
      authorEmail: input.authorEmail || null,
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
    comment: { id: doc.id, body: doc.body, authorName: doc.authorName, authorUrl: doc.authorUrl, createdAt: doc.createdAt, status: doc.status, parent: input.parentId ?? null },
  }
}

/** Every database read the rules need, done once. */
async function gatherFacts(payload: Payload, input: Submission): Promise<Facts> {
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
      ? payload.find({ collection: 'comments', overrideAccess: false, where: { id: { equals: input.parentId } }, limit: 1, depth: 0, select: { article: true, status: true } })
      : null,
    // Counts over private fields (email), never returned to the reader: they need full access.
    input.authorEmail
      ? payload.count({ collection: 'comments', overrideAccess: true, where: { authorEmail: { equals: input.authorEmail }, status: { equals: 'approved' } } })
      : { totalDocs: 0 },
    input.authorEmail
      ? payload.count({
          collection: 'comments',
          overrideAccess: true,
          where: { article: { equals: input.articleId }, authorEmail: { equals: input.authorEmail }, body: { equals: input.body }, status: { not_equals: 'trash' } },
        })
      : { totalDocs: 0 },
  ])
  const article = articles.docs[0]
  const parent = parents?.docs[0]
  return {
    article: article ? { publishedAt: article.publishedAt ?? null, commentsOpen: article.commentsOpen !== false } : null,
    parent: input.parentId ? (parent ? { sameArticle: Number(parent.article) === input.articleId, approved: parent.status === 'approved' } : null) : undefined,
    approvedBefore: approvedBefore.totalDocs,
    duplicate: duplicates.totalDocs > 0,
  }
}
