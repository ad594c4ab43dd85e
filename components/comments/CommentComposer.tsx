'use client'
import { useActionState, useCallback, useEffect, useRef, useState } from 'react'

import { validateInput } from '@/lib/comments/rules'
import type { PublicComment } from '@/lib/comments/publicComment'
import { MESSAGES } from '@/lib/comments/messages'
import { fetchReader, signInHref, signOutReader, type SignedInReader } from '@/lib/readers/client'
import { postComment } from './actions'
import { COMMENTER_COOKIE, COMMENTER_MAX_AGE, commenterCookieValue, emptyValues, type FormState, type FormValues } from './formState'
import { forgetEditable, setEditable } from './ownStore'
import { PendingComment } from './PendingComment'

type Props = {
  articleId: number
  /** Where the sign-in page sends the reader back to: this article's form. */
  returnTo: string
  requireNameEmail: boolean
  /** "Users must be registered and logged in to comment". */
  requireLogin: boolean
  replyTo?: { id: number; name: string } | null
}
type Mine = { docs: PublicComment[]; editable: { id: number; remainingMs: number }[] }

const FIELD_FOR: Record<string, keyof FormValues> = { body: 'body', authorName: 'authorName', authorEmail: 'authorEmail', authorUrl: 'authorUrl' }

/**
 * "Leave a Reply": the form (a server action, so it works with JavaScript off), the reader's own
 * comments awaiting moderation (fetched for this browser only, so the page stays cached), and
 * reply-to handling for the "Reply" links in the list.
 */
export function CommentComposer({ articleId, returnTo, requireNameEmail, requireLogin, replyTo: initialReplyTo = null }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(postComment, { seq: 0, status: 'idle', errors: {}, values: emptyValues(initialReplyTo ? String(initialReplyTo.id) : '') })
  const [clientErrors, setClientErrors] = useState<FormState['errors'] | null>(null)
  const [replyTo, setReplyTo] = useState(initialReplyTo)
  const [mine, setMine] = useState<PublicComment[]>([])
  // undefined while asking /auth/session; the cached page itself never knows who is signed in.
  const [reader, setReader] = useState<SignedInReader | null | undefined>(undefined)
  const loadedAt = useRef(0)
  const formRef = useRef<HTMLFormElement>(null)

  /** This browser's pending comments; `token` (just posted) is stored as its cookie first. */
  const loadMine = useCallback((token?: string) => {
    const init: RequestInit = token
      ? { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) }
      : {}
    fetch(`/comments/mine?article=${articleId}`, { ...init, credentials: 'same-origin', cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : { docs: [], editable: [] }))
      .then((r: Mine) => {
        setMine(r.docs)
        setEditable(r.editable ?? [])
      })
      .catch(() => undefined)
  }, [articleId])

  useEffect(() => {
    loadedAt.current = Date.now()
    loadMine()
    fetchReader()
      .then(setReader)
      .catch(() => setReader(null))
    prefillSavedCommenter(formRef.current)
    const onClick = (event: MouseEvent) => {
      const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-reply-to]')
      if (!link) return
      event.preventDefault()
      setReplyTo({ id: Number(link.dataset.replyTo), name: link.dataset.replyName ?? '' })
      formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })
      formRef.current?.querySelector('textarea')?.focus()
    }
    document.addEventListener('click', onClick)
    return () => document.removeEventListener('click', onClick)
  }, [articleId, loadMine])

  useEffect(() => {
    if (state.status === 'posted') {
      setReplyTo(null)
      const posted = state.posted
      if (posted) setMine((list) => (list.some((c) => c.id === posted.id) ? list : [...list, posted]))
      if (state.ownToken && !reader) rememberCommenter(state.values)
      loadMine(state.ownToken)
    }
    // `reader` is read, not watched: only a new answer from the server should run this.
  }, [state, loadMine])

  const logOut = async (event: React.MouseEvent) => {
    event.preventDefault()
    await signOutReader().catch(() => undefined)
    forgetEditable()
    setReader(null)
  }

  const errors = clientErrors ?? state.errors
  const v = state.values
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget)
    const found = validateInput(
      { body: String(data.get('comment') ?? ''), authorName: String(data.get('author') ?? ''), authorEmail: String(data.get('email') ?? ''), authorUrl: String(data.get('url') ?? '') },
      { requireNameEmail },
      { signedIn: Boolean(reader) },
    )
    if (found.length) {
      event.preventDefault()
      setClientErrors(Object.fromEntries(found.map((e) => [FIELD_FOR[e.field], e.message])))
      return
    }
    setClientErrors(null)
    const elapsed = event.currentTarget.elements.namedItem('elapsed') as HTMLInputElement
    elapsed.value = String(Date.now() - loadedAt.current)
  }

  // Shown with JavaScript off too: the server action's answer renders the just-posted comment.
  const own = state.posted && !mine.some((c) => c.id === state.posted!.id) ? [...mine, state.posted] : mine

  return (
    <>
      {own.length > 0 && (
        <ol className="comment-list own-comments">
          {own.map((c) => (
            <PendingComment comment={c} key={c.id} />
          ))}
        </ol>
      )}
      <form action={action} className="comment-form" id="respond" noValidate onSubmit={onSubmit} ref={formRef}>
        <h3 className="reply-title">LEAVE A REPLY</h3>
        {replyTo && (
          <p className="replying-to">
            Replying to {replyTo.name || 'a comment'}.{' '}
            <a href="#respond" onClick={(e) => (e.preventDefault(), setReplyTo(null))}>
              Cancel reply
            </a>
          </p>
        )}
        {state.message && !clientErrors && (
          <p className="form-message" role="alert">
            {state.message}
          </p>
        )}
        {state.status === 'posted' && !clientErrors && (
          <p className="form-message success" role="status">
            Thank you. {state.posted?.status === 'approved' ? MESSAGES.published : MESSAGES.awaiting}
          </p>
        )}
        {reader ? (
          <p className="logged-in-as">
            Logged in as <strong>{reader.name}</strong>.{' '}
            <a href="/auth/signout" onClick={logOut}>
              Log out?
            </a>
          </p>
        ) : (
          !requireLogin && (
            <p className="sign-in-hint">
              <a href={signInHref(returnTo)}>Log in</a> to comment under your own name, or fill in the fields below.
            </p>
          )
        )}
        {reader?.ban && (
          <p className="form-message" role="alert">
            {MESSAGES.banned(reader.ban.reason)}
          </p>
        )}
        {requireLogin && !reader ? (
          <p className="must-log-in">
            You must be <a href={signInHref(returnTo)}>logged in</a> to post a comment.
          </p>
        ) : (
          <>
            <input name="article" type="hidden" value={articleId} />
            <input name="parent" type="hidden" value={replyTo ? String(replyTo.id) : ''} />
            <input defaultValue="" name="elapsed" type="hidden" />
            {/* Re-mounted after each answer from the server, so the typed (or cleared) values show. */}
            <div className="fields" key={state.seq}>
              <Field error={errors.body} id="comment" label="Comment">
                <textarea aria-invalid={Boolean(errors.body)} defaultValue={v.body} id="comment" maxLength={5000} name="comment" rows={7} />
              </Field>
              {!reader && <AnonymousFields errors={errors} requireNameEmail={requireNameEmail} values={v} />}
              <div aria-hidden="true" className="hp-field">
                <label htmlFor="hp_website">Leave this field empty</label>
                <input autoComplete="off" id="hp_website" name="hp_website" tabIndex={-1} type="text" />
              </div>
              <p className="checkbox">
                <input defaultChecked={v.notify} id="notify" name="notify" type="checkbox" />
                <label htmlFor="notify">Notify me by email when my comment is approved and when someone replies.</label>
              </p>
            </div>
            <button disabled={pending} type="submit">
              Post Comment
            </button>
          </>
        )}
      </form>
    </>
  )
}

type FieldsProps = { errors: FormState['errors']; values: FormValues; requireNameEmail: boolean }

/** Name, email, website and "remember me": only for readers who are not signed in. */
function AnonymousFields({ errors, values: v, requireNameEmail }: FieldsProps) {
  return (
    <>
      <Field error={errors.authorName} id="author" label={requireNameEmail ? 'Name*' : 'Name'}>
        <input aria-invalid={Boolean(errors.authorName)} autoComplete="name" defaultValue={v.authorName} id="author" maxLength={245} name="author" type="text" />
      </Field>
      <Field error={errors.authorEmail} id="email" label={requireNameEmail ? 'Email*' : 'Email'}>
        <input aria-invalid={Boolean(errors.authorEmail)} autoComplete="email" defaultValue={v.authorEmail} id="email" maxLength={100} name="email" type="email" />
      </Field>
      <Field error={errors.authorUrl} id="url" label="Website">
        <input aria-invalid={Boolean(errors.authorUrl)} autoComplete="url" defaultValue={v.authorUrl} id="url" maxLength={200} name="url" type="url" />
      </Field>
      <p className="checkbox">
        <input defaultChecked={v.remember} id="remember" name="remember" type="checkbox" />
        <label htmlFor="remember">Save my name, email, and website in this browser for the next time I comment.</label>
      </p>
    </>
  )
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </p>
  )
}

/**
 * "Save my name, email, and website in this browser": kept (or forgotten) after a post. Written
 * here, not by the action, when JavaScript is on (see FormState.ownToken); the same format.
 */
function rememberCommenter(values: FormState['values']) {
  const saved = values.remember ? encodeURIComponent(commenterCookieValue(values)) : ''
  document.cookie = `${COMMENTER_COOKIE}=${saved}; path=/; samesite=lax; max-age=${values.remember ? COMMENTER_MAX_AGE : 0}`
}

/** Fills name, email and website from the "Save my name…" cookie, where the fields are empty. */
function prefillSavedCommenter(form: HTMLFormElement | null) {
  const raw = document.cookie.split('; ').find((c) => c.startsWith(`${COMMENTER_COOKIE}=`))
  if (!form || !raw) return
  try {
    const saved = JSON.parse(decodeURIComponent(raw.slice(COMMENTER_COOKIE.length + 1))) as { n?: string; e?: string; u?: string }
    const set = (name: string, value?: string) => {
      const input = form.elements.namedItem(name) as HTMLInputElement | null
      if (input && !input.value && value) input.value = value
    }
    set('author', saved.n)
    set('email', saved.e)
    set('url', saved.u)
    ;(form.elements.namedItem('remember') as HTMLInputElement).checked = true
  } catch {
    // A malformed cookie is ignored.
  }
}
