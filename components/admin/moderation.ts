import type { Where } from 'payload'
import { formatAdminURL } from 'payload/shared'
import * as qs from 'qs-esm'

/** The statuses a moderator moves a comment between, in queue order. */
export const QUEUE_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const
export type QueueStatus = (typeof QUEUE_STATUSES)[number]

export const statusWhere = (status: QueueStatus): Where => ({ status: { equals: status } })

/** "All" is an explicit filter that matches every comment, so the list does not redirect it. */
export const ALL_WHERE: Where = { status: { in: [...QUEUE_STATUSES] } }

/** What a moderation action did, for toasts: "3 comments approved". */
export const DONE: Record<QueueStatus, string> = {
  pending: 'sent back to the queue',
  approved: 'approved',
  spam: 'marked as spam',
  trash: 'moved to the trash',
}

/** The anchor of a comment page that opens "Block this commenter" (the list rows link to it). */
export const BLOCK_ANCHOR = 'block-commenter'

export const commentsCount = (n: number) => `${n} comment${n === 1 ? '' : 's'}`

/** The admin list of comments filtered by `where`, e.g. the pending queue. */
export const listHref = (adminRoute: string, where: Where) =>
  formatAdminURL({
    adminRoute,
    path: `/collections/comments${qs.stringify({ where }, { addQueryPrefix: true, encodeValuesOnly: true })}`,
  })

type ApiError = { message?: string }

/**
 * PATCHes `{ status }` through the REST API with the moderator's session cookie: one comment
 * (`/api/comments/12`) or a bulk update (`/api/comments?where=...`). Throws with Payload's messages.
 */
export async function patchStatus(url: string, status: QueueStatus): Promise<number> {
  const res = await fetch(url, {
    method: 'PATCH',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ status }),
  })
  const json = (await res.json().catch(() => ({}))) as {
    doc?: unknown
    docs?: unknown[]
    errors?: ApiError[]
    message?: string
  }
  const errors = json.errors ?? []
  if (!res.ok || errors.length) {
    const detail = errors
      .map((error) => error.message)
      .filter(Boolean)
      .join('; ')
    throw new Error(detail || json.message || `The server answered ${res.status}.`)
  }
  return json.docs ? json.docs.length : 1
}
