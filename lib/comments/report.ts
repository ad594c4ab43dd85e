import type { Payload } from 'payload'

import { REPORT_REASONS, type ReportReason } from '@/collections/CommentReports/reasons'
import { hashKey, truncateIp } from './identity'
import { findShownComment } from './queries'
import { loadSettings } from './settings'

export type ReportInput = { commentId: number; reason: string; readerId: number | null }
export type ReportResult = { ok: boolean; message: string; returnedToQueue?: boolean }

const REASONS = new Set<string>(REPORT_REASONS.map((r) => r.value))

/**
 * A reader reports an approved comment on a published article. One report per signed-in reader,
 * or per address when anonymous, and comment (a unique index). When the comment's reports reach
 * the Discussion settings' threshold, it goes back to the pending queue, which expires the page.
 */
export async function reportComment(client: Payload, input: ReportInput, from: { ip: string }): Promise<ReportResult> {
  if (!REASONS.has(input.reason)) return { ok: false, message: 'Choose why you are reporting this comment.' }
  if (!(await findShownComment(client, input.commentId)))
    return { ok: false, message: 'This comment is not shown any more.' }

  const context = { commentReport: true }
  const reporterKey = input.readerId ? `reader:${input.readerId}` : `ip:${hashKey('ip', from.ip)}`
  try {
    await client.create({
      collection: 'comment-reports',
      overrideAccess: false,
      context,
      data: {
        comment: input.commentId,
        reason: input.reason as ReportReason,
        reader: input.readerId,
        ip: truncateIp(from.ip),
        reporterKey,
      },
    })
  } catch (error) {
    if (isDuplicateReport(error)) return { ok: false, message: 'You have already reported this comment. Thank you.' }
    throw error
  }

  const [{ totalDocs }, settings] = await Promise.all([
    client.count({
      collection: 'comment-reports',
      overrideAccess: false,
      context,
      where: { comment: { equals: input.commentId } },
    }),
    loadSettings(client),
  ])
  if (totalDocs < settings.reportThreshold)
    return { ok: true, message: 'Thank you. A moderator will look at this comment.' }
  await client.update({
    collection: 'comments',
    id: input.commentId,
    overrideAccess: false,
    context: { reportThreshold: true },
    data: { status: 'pending' },
  })
  return {
    ok: true,
    message: 'Thank you. The comment is hidden until a moderator has looked at it.',
    returnedToQueue: true,
  }
}

/**
 * Payload's answer to the (comment, reporter) unique index: a validation error naming the index's
 * columns. Matched by shape, not `instanceof`: the Next.js bundle holds its own copy of the class.
 */
function isDuplicateReport(error: unknown): boolean {
  const e = error as { status?: number; data?: { errors?: { path?: string }[] } }
  return e?.status === 400 && Boolean(e.data?.errors?.some((x) => /reporter/i.test(x.path ?? '')))
}
