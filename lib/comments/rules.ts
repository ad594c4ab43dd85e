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
}

export type Facts = {
  article: { publishedAt: string | null; commentsOpen: boolean } | null
  /** undefined: not a reply. null: the parent does not exist. */
  parent?: { sameArticle: boolean; approved: boolean } | null
  approvedBefore: number
  duplicate: boolean
}

export type FieldError = { field: keyof CommentInput; message: string }
export type Hit = { rule: string; weight: number; reason: string }
export type Verdict = { status: 'approved' | 'pending' | 'spam'; score: number; hits: Hit[] }

export const SPAM_SCORE = 100

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/

export function validateInput(input: CommentInput, settings: Pick<Settings, 'requireNameEmail'>): FieldError[] {
  const errors: FieldError[] = []
  const { body, authorName, authorEmail, authorUrl } = input
  if (!body.trim()) errors.push({ field: 'body', message: MESSAGES.emptyBody })
  else if (body.length > LIMITS.body) errors.push({ field: 'body', message: MESSAGES.tooLong('comment', LIMITS.body) })
  if (settings.requireNameEmail && !authorName.trim()) errors.push({ field: 'authorName', message: MESSAGES.emptyName })
  else if (authorName.length > LIMITS.authorName) errors.push({ field: 'authorName', message: MESSAGES.tooLong('name', LIMITS.authorName) })
  if (authorEmail.length > LIMITS.authorEmail) errors.push({ field: 'authorEmail', message: MESSAGES.tooLong('email', LIMITS.authorEmail) })
  else if ((settings.requireNameEmail || authorEmail) && !EMAIL.test(authorEmail.trim())) errors.push({ field: 'authorEmail', message: MESSAGES.badEmail })
  if (authorUrl.length > LIMITS.authorUrl) errors.push({ field: 'authorUrl', message: MESSAGES.tooLong('website', LIMITS.authorUrl) })
  else if (authorUrl.trim() && !isHttpUrl(authorUrl.trim())) errors.push({ field: 'authorUrl', message: MESSAGES.badUrl })
  return errors
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
export function refusal(facts: Facts, settings: Pick<Settings, 'commentsEnabled' | 'closeAfterDays'>, now: Date): string | null {
  if (!settings.commentsEnabled) return MESSAGES.disabled
  const { article } = facts
  if (!article || !article.publishedAt || new Date(article.publishedAt) > now) return MESSAGES.noArticle
  if (!article.commentsOpen) return MESSAGES.closed
  if (settings.closeAfterDays > 0 && now.getTime() - new Date(article.publishedAt).getTime() > settings.closeAfterDays * 86_400_000) {
    return MESSAGES.closed
  }
  if (facts.parent === null || (facts.parent && (!facts.parent.sameArticle || !facts.parent.approved))) return MESSAGES.badParent
  if (facts.duplicate) return MESSAGES.duplicate
  return null
}

export const countLinks = (text: string) => (text.match(/https?:\/\/|www\.|<a\s/gi) ?? []).length

function matchedWord(words: string[], haystacks: string[]): string | null {
  const lower = haystacks.map((h) => h.toLowerCase())
  return words.find((w) => w && lower.some((h) => h.includes(w))) ?? null
}

type Rule = (input: CommentInput, meta: Meta, facts: Facts, settings: Settings) => Hit | null

/** Each verdict rule: a name, a weight when it hits, and the reason shown to moderators. */
export const VERDICT_RULES: Record<string, Rule> = {
  honeypot: (input) => (input.honeypot ? { rule: 'honeypot', weight: SPAM_SCORE, reason: 'The hidden field that only bots fill in was filled in.' } : null),
  tooFast: (input, _m, _f, s) =>
    input.elapsedMs != null && s.minSecondsToSubmit > 0 && input.elapsedMs < s.minSecondsToSubmit * 1000
      ? { rule: 'tooFast', weight: SPAM_SCORE, reason: `Sent ${(input.elapsedMs / 1000).toFixed(1)} s after the page loaded (minimum ${s.minSecondsToSubmit} s).` }
      : null,
  disallowedWord: (input, meta, _f, s) => {
    const word = matchedWord(s.disallowedWords, [input.body, input.authorName, input.authorEmail, input.authorUrl, meta.ip, meta.userAgent])
    return word ? { rule: 'disallowedWord', weight: SPAM_SCORE, reason: `Contains the disallowed key "${word}".` } : null
  },
  moderationWord: (input, meta, _f, s) => {
    const word = matchedWord(s.moderationWords, [input.body, input.authorName, input.authorEmail, input.authorUrl, meta.ip, meta.userAgent])
    return word ? { rule: 'moderationWord', weight: 10, reason: `Contains the moderation word "${word}".` } : null
  },
  links: (input, _m, _f, s) => {
    const n = countLinks(input.body)
    return n >= s.holdLinkCount ? { rule: 'links', weight: 10, reason: `Contains ${n} links (hold at ${s.holdLinkCount} or more).` } : null
  },
  manualApproval: (_i, _m, _f, s) => (s.manualApproval ? { rule: 'manualApproval', weight: 5, reason: 'Comments must be manually approved.' } : null),
  trustedAuthor: (_i, _m, facts, s) =>
    s.manualApproval && s.trustApprovedAuthors && facts.approvedBefore > 0
      ? { rule: 'trustedAuthor', weight: -5, reason: `The author has ${facts.approvedBefore} approved comment${facts.approvedBefore === 1 ? '' : 's'} with this email.` }
      : null,
}

/** Sums the weights: spam at 100 or more, held for moderation above 0, else approved. */
export function judge(input: CommentInput, meta: Meta, facts: Facts, settings: Settings): Verdict {
  const hits = Object.values(VERDICT_RULES)
    .map((rule) => rule(input, meta, facts, settings))
    .filter((hit): hit is Hit => hit !== null)
  const score = hits.reduce((sum, hit) => sum + hit.weight, 0)
  return { status: score >= SPAM_SCORE ? 'spam' : score > 0 ? 'pending' : 'approved', score, hits }
}
