import type { Where } from 'payload'
import { formatAdminURL } from 'payload/shared'
import * as qs from 'qs-esm'
import { useSyncExternalStore } from 'react'

import { commentsCount, DONE, patchComments, type QueueStatus } from './moderation'

/** One comment's status as a decision changed it. */
export type Change = { id: string; from: QueueStatus; to: QueueStatus }
/** A keyboard decision (one comment) or a bulk action (the comments it changed), for undo. */
export type Decision = { changes: Change[]; bulk: boolean; summary: string }

/**
 * The moderator's decisions in this browser tab, newest last: `u` in the queue undoes the newest,
 * whichever it was, and the bulk bar offers "Undo" while a bulk action is the newest. Kept in the
 * page's memory only (across queue tabs, not across reloads), like Gmail's undo.
 */
let stack: Decision[] = []
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((listener) => listener())

export const decisions = {
  push(decision: Decision) {
    if (!decision.changes.length) return
    stack = [...stack, decision].slice(-50)
    emit()
  },
  pop(): Decision | undefined {
    const last = stack.at(-1)
    if (last) {
      stack = stack.slice(0, -1)
      emit()
    }
    return last
  },
  last: (): Decision | undefined => stack.at(-1),
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  },
}

/** The newest decision, re-rendering when it changes. */
export const useLastDecision = () => useSyncExternalStore(decisions.subscribe, decisions.last, () => undefined)

const commentsUrl = (apiRoute: string, collectionSlug: string, query: Record<string, unknown>) =>
  formatAdminURL({ apiRoute, path: `/${collectionSlug}${qs.stringify(query, { addQueryPrefix: true })}` })

/** Ids grouped by a key, in first-seen order. */
function groupBy<T>(items: T[], key: (item: T) => string, id: (item: T) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), id(item)])
  return groups
}

/**
 * A bulk action: gives `to` to the comments of `selection` that have another status, through the
 * REST API (the moderator's own rights). Each comment's previous status is read first, and each
 * PATCH matches that status too, so a comment someone else changed in between is left alone and
 * the recorded "from" is exact. Comments that already had `to` are not part of the decision.
 */
export async function decideBulk(
  apiRoute: string,
  collectionSlug: string,
  selection: Where,
  to: QueueStatus,
): Promise<Decision> {
  const res = await fetch(
    commentsUrl(apiRoute, collectionSlug, {
      where: { and: [selection, { status: { not_equals: to } }] },
      depth: 0,
      pagination: false,
      select: { status: true },
    }),
    { credentials: 'include' },
  )
  const json = (await res.json().catch(() => ({}))) as {
    docs?: { id: number; status: QueueStatus }[]
    errors?: { message?: string }[]
  }
  if (!res.ok || !json.docs) throw new Error(json.errors?.[0]?.message || `The server answered ${res.status}.`)
  const changes: Change[] = []
  const record = () => {
    const summary = `${commentsCount(changes.length)} ${DONE[to]}.`
    const decision: Decision = { changes, bulk: true, summary }
    decisions.push(decision)
    return decision
  }
  try {
    for (const [from, ids] of groupBy(
      json.docs,
      (doc) => doc.status,
      (doc) => String(doc.id),
    )) {
      const where: Where = { and: [{ id: { in: ids } }, { status: { equals: from } }] }
      const changed = await patchComments(commentsUrl(apiRoute, collectionSlug, { where }), to)
      changes.push(...changed.map((id) => ({ id, from: from as QueueStatus, to })))
    }
  } catch (error) {
    // What did change can still be undone.
    record()
    throw error
  }
  return record()
}

/**
 * Undoes a decision: each comment goes back to its previous status, only if it still has the
 * status the decision gave it (a later decision, by anyone, wins). Through the REST API, so a
 * role that may not moderate may not undo either.
 */
async function undo(apiRoute: string, collectionSlug: string, decision: Decision): Promise<string> {
  let restored = 0
  const groups = groupBy(
    decision.changes,
    (c) => `${c.from} ${c.to}`,
    (c) => c.id,
  )
  for (const [key, ids] of groups) {
    const [from, to] = key.split(' ') as [QueueStatus, QueueStatus]
    const where: Where = { and: [{ id: { in: ids } }, { status: { equals: to } }] }
    restored += (await patchComments(commentsUrl(apiRoute, collectionSlug, { where }), from)).length
  }
  const skipped = decision.changes.length - restored
  const left = skipped
    ? ` ${commentsCount(skipped)} changed since, left as ${skipped === 1 ? 'it is' : 'they are'}.`
    : ''
  const only = decision.changes.length === 1 && restored === 1
  const back = decision.changes[0].from === 'pending' ? 'pending' : DONE[decision.changes[0].from]
  return only
    ? `Undone: the comment is ${back} again.`
    : `Undone: ${commentsCount(restored)} back to their previous status.${left}`
}

let undoing = false

/**
 * Undoes the newest decision (only if it is `expected`, when given: an older toast's "Undo"
 * does not undo a later decision). Its message, or null when there is nothing to undo.
 */
export async function undoLast(apiRoute: string, collectionSlug: string, expected?: Decision): Promise<string | null> {
  if (undoing || (expected && decisions.last() !== expected)) return null
  const last = decisions.pop()
  if (!last) return null
  undoing = true
  try {
    return await undo(apiRoute, collectionSlug, last)
  } catch (error) {
    decisions.push(last)
    throw error
  } finally {
    undoing = false
  }
}
