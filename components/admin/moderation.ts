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

/**
 * PATCHes `{ status }` through the REST API with the moderator's session cookie: one comment
 * (`/api/comments/12`) or a bulk update (`/api/comments?where=...`), so the collection's access
 * rules and hooks apply. Returns the ids of the comments changed; throws with Payload's messages.
 */
export async function patchComments(url: string, status: QueueStatus): Promise<string[]> {
  const res = await fetch(url, {
    method: 'PATCH',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ status }),
  })
  const json = (await res.json().catch(() => ({}))) as ApiAnswer & { docs?: { id?: unknown }[] }
  if (!res.ok || json.errors?.length) throw failure(res, json)
  return (json.docs ?? (json.doc ? [json.doc] : [])).map((doc) => String(doc.id))
}

/** `patchComments` for one comment or a bulk update, counting what changed. */
export async function patchStatus(url: string, status: QueueStatus): Promise<number> {
  return (await patchComments(url, status)).length
}

export type ApiAnswer = {
  doc?: { id?: number; authorName?: string; hiddenComments?: number; status?: string }
  errors?: { message?: string; data?: { errors?: { message?: string }[] } }[]
  message?: string
}

/** Payload's error messages of a REST answer, joined; the status when it gave none. */
export function failure(res: Response, json: ApiAnswer): Error {
  const detail = (json.errors ?? [])
    .flatMap((e) => [e.message, ...(e.data?.errors ?? []).map((d) => d.message)])
    .filter(Boolean)
    .join('; ')
  return new Error(detail || json.message || `The server answered ${res.status}.`)
}
