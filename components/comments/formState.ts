import type { PublicComment } from '@/lib/comments/publicComment'

export type FormValues = {
  body: string
  authorName: string
  authorEmail: string
  authorUrl: string
  remember: boolean
  notify: boolean
  parentId: string
}

export type FormState = {
  /** Counts the server's answers. */
  seq: number
  status: 'idle' | 'error' | 'posted'
  errors: Partial<Record<keyof FormValues, string>>
  message?: string
  values: FormValues
  /** The comment just posted, shown to its author with "awaiting moderation" while pending. */
  posted?: PublicComment
  /**
   * With JavaScript on: the signed "own comments" value for the browser to store through
   * POST /comments/mine (the action sets no cookie: Next.js re-renders the whole page for an
   * action that does).
   */
  ownToken?: string
}

/** "Save my name, email, and website": a readable cookie, so the form can fill itself in. */
export const COMMENTER_COOKIE = 'byline_commenter'
export const COMMENTER_MAX_AGE = 365 * 86_400
export const commenterCookieValue = (v: FormValues) =>
  JSON.stringify({ n: v.authorName, e: v.authorEmail, u: v.authorUrl })
/** The same cookie as the page's script writes it (document.cookie): Secure on an https page. */
export function commenterDocumentCookie(v: FormValues, https: boolean) {
  const saved = v.remember ? encodeURIComponent(commenterCookieValue(v)) : ''
  const secure = https ? '; secure' : ''
  return `${COMMENTER_COOKIE}=${saved}; path=/; samesite=lax; max-age=${v.remember ? COMMENTER_MAX_AGE : 0}${secure}`
}

export const emptyValues = (parentId = ''): FormValues => ({
  body: '',
  authorName: '',
  authorEmail: '',
  authorUrl: '',
  remember: false,
  notify: false,
  parentId,
})
