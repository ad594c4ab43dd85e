// Which database a read may go to, shared by the launcher (server/launcher.mjs), the cache handlers
// (server/cache/) and the replica router (lib/database/readReplicas.ts). Plain JavaScript so that
// the launcher imports it as is; its state lives on globalThis because Next.js bundles its own
// copy of this module.
//
// A read may go to a replica (DATABASE_READ_URLS) only while serving an anonymous GET: a page or
// feed that is the same for every reader. Staff, signed-in readers, a commenter's own pending
// comments, server actions, jobs and the admin read from the primary, so they see their own
// changes at once. For a short while after any change is heard of (a cache tag expiring, here or
// through Redis from another instance), every read goes to the primary too: the page rendered
// right after an approval must not be cached from a replica that has not caught up yet.
import { AsyncLocalStorage } from 'node:async_hooks'
import { GLOBAL } from '../sharedNames.mjs'

const STATE = GLOBAL.readRouting
/** How long after a change every read goes to the primary (Payload's own window after a write). */
export const FRESH_READS_MS = 2_000
// Cookies that make an answer personal: a staff session, draft mode, a reader's session, the
// commenter's list of their own comments.
const PERSONAL_COOKIES = [
  'payload-token',
  '__prerender_bypass',
  'next-auth.session-token',
  '__Secure-next-auth.session-token',
  'byline_own_comments',
]

function state() {
  return (globalThis[STATE] ??= { storage: new AsyncLocalStorage(), primaryUntil: 0 })
}

/** Whether `req` (a Node request) is an anonymous read whose queries may go to a replica. */
export function isAnonymousRead(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  if (req.headers.authorization || req.headers['next-action']) return false
  const cookie = req.headers.cookie
  if (!cookie) return true
  const names = cookie.split(';').map((part) => part.split('=', 1)[0].trim())
  return !names.some((name) => PERSONAL_COOKIES.includes(name))
}

/** Runs `fn` with its reads allowed on a replica (the launcher wraps anonymous GETs in it). */
export function withReplicaReads(fn) {
  return state().storage.run({ replica: true }, fn)
}

/** Whether a read made now may go to a replica. */
export function replicaReadAllowed() {
  const s = state()
  return s.storage.getStore()?.replica === true && Date.now() >= s.primaryUntil
}

/** A change was made or heard of: reads go to the primary for the next FRESH_READS_MS. */
export function readFromPrimaryForAWhile() {
  const s = state()
  s.primaryUntil = Math.max(s.primaryUntil, Date.now() + FRESH_READS_MS)
}
