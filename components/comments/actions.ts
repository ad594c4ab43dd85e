'use server'
import { cookies, headers } from 'next/headers'

import {
  OWN_COMMENTS_COOKIE,
  ownCommentsCookieOptions,
  readerCookieOptions,
  readOwnComments,
  signOwnComments,
} from '@/lib/comments/identity'
import { MESSAGES } from '@/lib/comments/messages'
import { elapsedFromForm } from '@/lib/comments/rules'
import { submitComment } from '@/lib/comments/submit'
import { parseId } from '@/lib/ids'
import { payload } from '@/lib/payload'
import { clientAddressFrom } from '@/lib/requestAddress'
import { sessionReaderId } from '@/lib/readers/session'
import { COMMENTER_COOKIE, COMMENTER_MAX_AGE, commenterCookieValue, type FormState, type FormValues } from './formState'

/** The comment form's server action: works as a plain form POST with JavaScript off. */
export async function postComment(previous: FormState, form: FormData): Promise<FormState> {
  const text = (name: string) => String(form.get(name) ?? '')
  const values: FormValues = {
    body: text('comment'),
    authorName: text('author'),
    authorEmail: text('email'),
    authorUrl: text('url'),
    remember: form.get('remember') === 'on',
    notify: form.get('notify') === 'on',
    parentId: text('parent'),
  }
  const h = await headers()
  // Ids that are not ids (text, 1.5, 2^40, a NUL byte) are refused here with the reader's words
  // kept, before they could reach PostgreSQL and fail there.
  const articleId = parseId(text('article'))
  const parentId = values.parentId ? parseId(values.parentId) : null
  if (articleId === null || (values.parentId && parentId === null)) {
    const message = articleId === null ? MESSAGES.noArticle : MESSAGES.badParent
    return { seq: previous.seq + 1, status: 'error', errors: {}, message, values }
  }
  const readerId = await sessionReaderId()
  const result = await submitComment(
    await payload(),
    {
      articleId,
      parentId,
      body: values.body,
      authorName: values.authorName,
      authorEmail: values.authorEmail,
      authorUrl: values.authorUrl,
      honeypot: text('hp_website'),
      elapsedMs: elapsedFromForm(
        typeof form.get('elapsed') === 'string' ? text('elapsed') : null,
        h.has('next-action'),
      ),
      notify: values.notify,
      readerId,
    },
    { ip: clientAddressFrom(h), userAgent: h.get('user-agent') || '' },
  )
  if (!result.ok) {
    const errors = Object.fromEntries(result.errors.map((e) => [e.field, e.message]))
    return { seq: previous.seq + 1, status: 'error', errors, message: result.message, values }
  }

  const jar = await cookies()
  const ownToken = signOwnComments([...readOwnComments(jar.get(OWN_COMMENTS_COOKIE)?.value), result.comment.id])
  // The page's script sent this (a plain form POST, JavaScript off, carries no such header): it
  // stores the cookies itself, so the answer is the action's result and not a re-rendered page.
  const fromScript = h.get('next-action') !== null
  if (!fromScript) {
    jar.set(OWN_COMMENTS_COOKIE, ownToken, ownCommentsCookieOptions())
    if (readerId) {
      // Signed in: the account supplies name and email; nothing to remember in the browser.
    } else if (values.remember) {
      jar.set(COMMENTER_COOKIE, commenterCookieValue(values), readerCookieOptions({ maxAge: COMMENTER_MAX_AGE }))
    } else jar.delete(COMMENTER_COOKIE)
  }

  const keep = values.remember
    ? { authorName: values.authorName, authorEmail: values.authorEmail, authorUrl: values.authorUrl }
    : {}
  return {
    seq: previous.seq + 1,
    status: 'posted',
    errors: {},
    values: {
      body: '',
      authorName: '',
      authorEmail: '',
      authorUrl: '',
      parentId: '',
      notify: false,
      remember: values.remember,
      ...keep,
    },
    posted: result.comment,
    ...(fromScript ? { ownToken } : {}),
  }
}
