import { LIMITS, MESSAGES } from './messages'

/**
 * Byline's comment rules: pure functions over plain data. The caller (lib/comments/submit.ts)
 * reads the database once and passes the facts in. Refusals stop a comment with a message to
 * the reader; verdict rules add weight to a score that decides its status, each with a reason
 * the moderator sees.
 */

export type CommentInput = {
  body: string
  authorName: string
  authorEmail: string
  authorUrl: string
  /** The hidden field only bots fill in. */
  honeypot?: string
  /** Milliseconds from page load to submit, measured in the browser; null when unknown. */
  elapsedMs?: number | null
}

export type Meta = { ip: string; userAgent: string }

export type Settings = {
  commentsEnabled: boolean
  closeAfterDays: number
  requireNameEmail: boolean
  manualApproval: boolean
  trustApprovedAuthors: boolean
  holdLinkCount: number
  moderationWords: string[]
  disallowedWords: string[]
  minSecondsToSubmit: number
  /** "Users must be registered and logged in to comment". */
  requireLogin: boolean
  /** Approved comments an author needs before their next ones are approved at once. */
  trustAfterApproved: number
}

export type Facts = {
  article: { publishedAt: string | null; commentsOpen: boolean } | null
  /** undefined: not a reply. null: the parent does not exist. */
  parent?: { sameArticle: boolean; approved: boolean } | null
  /** The author's approved comments: the signed-in reader's, else those with the same name and email. */
  approvedBefore: number
  /** Whether approvedBefore counts a signed-in reader's comments (not an email's). */
  byReader?: boolean
  duplicate: boolean
}

/** A signed-in reader as the rules see them, read fresh from the database on each request. */
export type ReaderFacts = {
  id: number
  banned?: boolean | null
  banReason?: string | null
  bannedUntil?: string | null
}

export type FieldError = { field: keyof CommentInput; message: string }
export type Hit = { rule: string; weight: number; reason: string }
export type Verdict = { status: 'approved' | 'pending' | 'spam'; score: number; hits: Hit[] }

export const SPAM_SCORE = 100

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/

// Characters nobody types on purpose, which make a name or a comment show something other than
// what it is: C0 and C1 controls (NUL, ESC of ANSI colour codes, ...), bidi overrides and
// isolates (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C), zero-width and other format
// characters (U+200B, U+2060, U+FEFF, ...). Unicode's own classes (Cc control, Cf format) name them.
const ANSI_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]/g
const INVISIBLE_IN_NAMES = /[\p{Cc}\p{Cf}]/gu
// In a comment's text, line breaks and tabs stay, and so do the joiners (U+200C/U+200D) that
// Persian, Indic scripts and emoji sequences need.
const INVISIBLE_IN_BODIES = /(?![\n\t\u200c\u200d])[\p{Cc}\p{Cf}]/gu

/** A one-line field (name, email, website) without controls, bidi or zero-width characters. */
export const cleanLine = (value: string) => value.replace(ANSI_SEQUENCE, '').replace(INVISIBLE_IN_NAMES, '')

/** A comment's text without controls, bidi overrides or zero-width spaces; line breaks kept. */
export const cleanBody = (value: string) =>
  value.replace(/\r\n?/g, '\n').replace(ANSI_SEQUENCE, '').replace(INVISIBLE_IN_BODIES, '')

/**
 * The time from page load to submit as the form reported it (`elapsed`). The page's script
 * always fills it in; a post from a script that leaves it out or sends nonsense counts as
 * instant (too fast), never as "unknown". Only the plain form with JavaScript off sends it
 * empty, and there the browser cannot measure: null, not judged on time.
 */
export function elapsedFromForm(raw: string | null, fromScript: boolean): number | null {
  if (raw === null) return 0
  if (raw === '') return fromScript ? 0 : null
  const ms = /^\d{1,12}$/.test(raw) ? Number(raw) : NaN
  return Number.isFinite(ms) ? ms : 0
}

/** Field errors. A signed-in reader's name and email come from their account, so are not checked. */
export function validateInput(
  input: CommentInput,
  settings: Pick<Settings, 'requireNameEmail'>,
  { signedIn = false } = {},
): FieldError[] {
  const errors: FieldError[] = []
  const { body, authorName, authorEmail, authorUrl } = input
  if (!body.trim()) errors.push({ field: 'body', message: MESSAGES.emptyBody })
  else if (body.length > LIMITS.body) errors.push({ field: 'body', message: MESSAGES.tooLong('comment', LIMITS.body) })
  if (signedIn) return [...errors, ...validateUrl(authorUrl)]
  if (settings.requireNameEmail && !authorName.trim()) errors.push({ field: 'authorName', message: MESSAGES.emptyName })
  else if (authorName.length > LIMITS.authorName)
    errors.push({ field: 'authorName', message: MESSAGES.tooLong('name', LIMITS.authorName) })
  if (authorEmail.length > LIMITS.authorEmail)
    errors.push({ field: 'authorEmail', message: MESSAGES.tooLong('email', LIMITS.authorEmail) })
  else if ((settings.requireNameEmail || authorEmail) && !EMAIL.test(authorEmail.trim()))
    errors.push({ field: 'authorEmail', message: MESSAGES.badEmail })
  return [...errors, ...validateUrl(authorUrl)]
}

function validateUrl(authorUrl: string): FieldError[] {
  if (authorUrl.length > LIMITS.authorUrl)
    return [{ field: 'authorUrl', message: MESSAGES.tooLong('website', LIMITS.authorUrl) }]
  if (authorUrl.trim() && !isHttpUrl(authorUrl.trim())) return [{ field: 'authorUrl', message: MESSAGES.badUrl }]
  return []
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname)
  } catch {
    return false
  }
}

/** Whether this article takes comments (and this reply is allowed): a message when not. */
export function refusal(
  facts: Facts,
  settings: Pick<Settings, 'commentsEnabled' | 'closeAfterDays'>,
  now: Date,
): string | null {
  if (!settings.commentsEnabled) return MESSAGES.disabled
  const { article } = facts
  if (!article || !article.publishedAt || new Date(article.publishedAt) > now) return MESSAGES.noArticle
  if (!article.commentsOpen) return MESSAGES.closed
  if (
    settings.closeAfterDays > 0 &&
    now.getTime() - new Date(article.publishedAt).getTime() > settings.closeAfterDays * 86_400_000
  ) {
    return MESSAGES.closed
  }
  if (facts.parent === null || (facts.parent && (!facts.parent.sameArticle || !facts.parent.approved)))
    return MESSAGES.badParent
  if (facts.duplicate) return MESSAGES.duplicate
  return null
}

/** A ban in force: banned, and either without an end or ending later than now. */
export function activeBan(reader: ReaderFacts | null | undefined, now: Date): { reason: string | null } | null {
  if (!reader?.banned) return null
  if (reader.bannedUntil && new Date(reader.bannedUntil) <= now) return null
  return { reason: reader.banReason?.trim() || null }
}

/** Who may comment at all: nobody anonymous when login is required, no reader while banned. */
export function authorRefusal(
  reader: ReaderFacts | null,
  settings: Pick<Settings, 'requireLogin'>,
  now: Date,
): string | null {
  if (!reader) return settings.requireLogin ? MESSAGES.loginRequired : null
  const ban = activeBan(reader, now)
  return ban ? MESSAGES.banned(ban.reason) : null
}

export const countLinks = (text: string) => (text.match(/https?:\/\/|www\.|<a\s/gi) ?? []).length

function matchedWord(words: string[], haystacks: string[]): string | null {
  const lower = haystacks.map((h) => h.toLowerCase())
  return words.find((w) => w && lower.some((h) => h.includes(w))) ?? null
}

type Rule = (input: CommentInput, meta: Meta, facts: Facts, settings: Settings) => Hit | null

/** Each verdict rule: a name, a weight when it hits, and the reason shown to moderators. */
export const VERDICT_RULES: Record<string, Rule> = {
  honeypot: (input) =>
    input.honeypot
      ? { rule: 'honeypot', weight: SPAM_SCORE, reason: 'The hidden field that only bots fill in was filled in.' }
      : null,
  tooFast: (input, _m, _f, s) =>
    input.elapsedMs != null && s.minSecondsToSubmit > 0 && input.elapsedMs < s.minSecondsToSubmit * 1000
      ? {
          rule: 'tooFast',
          weight: SPAM_SCORE,
          reason: `Sent ${(input.elapsedMs / 1000).toFixed(1)} s after the page loaded (minimum ${s.minSecondsToSubmit} s).`,
        }
      : null,
  disallowedWord: (input, meta, _f, s) => {
    const word = matchedWord(s.disallowedWords, [
      input.body,
      input.authorName,
      input.authorEmail,
      input.authorUrl,
      meta.ip,
      meta.userAgent,
    ])
    return word
      ? { rule: 'disallowedWord', weight: SPAM_SCORE, reason: `Contains the disallowed key "${word}".` }
      : null
  },
  moderationWord: (input, meta, _f, s) => {
    const word = matchedWord(s.moderationWords, [
      input.body,
      input.authorName,
      input.authorEmail,
      input.authorUrl,
      meta.ip,
      meta.userAgent,
    ])
    return word ? { rule: 'moderationWord', weight: 10, reason: `Contains the moderation word "${word}".` } : null
  },
  links: (input, _m, _f, s) => {
    const n = countLinks(input.body)
    return n >= s.holdLinkCount
      ? { rule: 'links', weight: 10, reason: `Contains ${n} links (hold at ${s.holdLinkCount} or more).` }
      : null
  },
  manualApproval: (_i, _m, _f, s) =>
    s.manualApproval ? { rule: 'manualApproval', weight: 5, reason: 'Comments must be manually approved.' } : null,
  // Trust lifts manual approval only: a trusted author's comment that another hold rule (links,
  // moderation words) catches still waits, as it would from anyone.
  trustedAuthor: (input, meta, facts, s) => {
    const needed = Math.max(1, s.trustAfterApproved)
    if (!s.manualApproval || !s.trustApprovedAuthors || facts.approvedBefore < needed) return null
    if (VERDICT_RULES.links(input, meta, facts, s) || VERDICT_RULES.moderationWord(input, meta, facts, s)) return null
    const n = `${facts.approvedBefore} approved comment${facts.approvedBefore === 1 ? '' : 's'}`
    const who = facts.byReader ? `The signed-in reader has ${n}` : `The author has ${n} under this name and email`
    return { rule: 'trustedAuthor', weight: -5, reason: `${who} (trusted from ${needed}).` }
  },
}

/** Sums the weights: spam at 100 or more, held for moderation above 0, else approved. */
export function judge(input: CommentInput, meta: Meta, facts: Facts, settings: Settings): Verdict {
  const hits = Object.values(VERDICT_RULES)
    .map((rule) => rule(input, meta, facts, settings))
    .filter((hit): hit is Hit => hit !== null)
  const score = hits.reduce((sum, hit) => sum + hit.weight, 0)
  return { status: score >= SPAM_SCORE ? 'spam' : score > 0 ? 'pending' : 'approved', score, hits }
}

/** A signed-in reader may edit or delete their own comment for this long after posting it. */
export const EDIT_WINDOW_MS = 10 * 60_000

export type OwnedComment = { reader: number | null; createdAt: string; status: string }

/** Why this reader may not edit or delete this comment now, or null when they may. */
export function editRefusal(comment: OwnedComment | null, readerId: number, now: Date): string | null {
  if (!comment || comment.reader !== readerId) return MESSAGES.notYours
  if (comment.status === 'spam' || comment.status === 'trash') return MESSAGES.editClosed
  return now.getTime() - new Date(comment.createdAt).getTime() > EDIT_WINDOW_MS ? MESSAGES.editClosed : null
}

const SEVERITY = { approved: 0, pending: 1, spam: 2 } as const

/**
 * The status of an edited comment: it keeps its status unless a content rule now holds it (or
 * marks it spam). Only rules about the words count here; approval and trust were settled when
 * it was posted.
 */
export function statusAfterEdit(
  current: 'approved' | 'pending',
  input: CommentInput,
  meta: Meta,
  facts: Facts,
  settings: Settings,
): Verdict {
  const verdict = judge({ ...input, honeypot: '', elapsedMs: null }, meta, facts, {
    ...settings,
    manualApproval: false,
  })
  const status = SEVERITY[verdict.status] > SEVERITY[current] ? verdict.status : current
  return { ...verdict, status }
}
