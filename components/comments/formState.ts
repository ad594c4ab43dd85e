import type { PublicComment } from '@/lib/comments/submit'

export type FormValues = { body: string; authorName: string; authorEmail: string; authorUrl: string; remember: boolean; notify: boolean; parentId: string }

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

export const emptyValues = (parentId = ''): FormValues => ({ body: '', authorName: '', authorEmail: '', authorUrl: '', remember: false, notify: false, parentId })
