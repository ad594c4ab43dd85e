'use client'
import { useActionState, useCallback, useEffect, useRef, useState } from 'react'

import { validateInput } from '@/lib/comments/rules'
import type { PublicComment } from '@/lib/comments/publicComment'
import { MESSAGES } from '@/lib/comments/messages'
import { fetchReader, signInHref, signOutReader, type SignedInReader } from '@/lib/readers/client'
import { postComment } from './actions'
import { COMMENTER_COOKIE, commenterDocumentCookie, emptyValues, type FormState, type FormValues } from './formState'
import { forgetEditable, setEditable } from './ownStore'
import { PendingComment } from './PendingComment'

type Props = {
  articleId: number
  /** Whether any reader sign-in method is configured (lib/readers/providers.ts). */
  signInAvailable: boolean
  /** Where the sign-in page sends the reader back to: this article's form. */
  returnTo: string
  requireNameEmail: boolean
  /** "Users must be registered and logged in to comment". */
  requireLogin: boolean
  replyTo?: { id: number; name: string } | null
}
type Mine = { docs: PublicComment[]; editable: { id: number; remainingMs: number }[] }

/**
 * "Leave a Reply": the form (a server action, so it works with JavaScript off), the reader's own
 * comments awaiting moderation (fetched for this browser only, so the page stays cached), and
 * reply-to handling for the "Reply" links in the list.
 */
export function CommentComposer({
  articleId,
  signInAvailable,
  returnTo,
  requireNameEmail,
  requireLogin,
  replyTo: initialReplyTo = null,
}: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(postComment, {
    seq: 0,
    status: 'idle',
    errors: {},
    values: emptyValues(initialReplyTo ? String(initialReplyTo.id) : ''),
  })
  const [clientErrors, setClientErrors] = useState<FormState['errors'] | null>(null)
  const [replyTo, setReplyTo] = useState(initialReplyTo)
  const [mine, setMine] = useState<PublicComment[]>([])
  // undefined while asking /auth/session; the cached page itself never knows who is signed in.
  const [reader, setReader] = useState<SignedInReader | null | undefined>(undefined)
  const loadedAt = useRef(0)
  const formRef = useRef<HTMLFormElement>(null)
  // Bumped on every refused submission (in the browser or by the server): focus goes to the first
  // invalid field, whose message it names through aria-describedby.
  const [invalidSeq, setInvalidSeq] = useState(0)

  /** This browser's pending comments; `token` (just posted) is stored as its cookie first. */
  const loadMine = useCallback(
    (token?: string) => {
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
    },
    [articleId],
  )

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
      // An approved comment is already in the thread the action rendered again: not "awaiting".
      if (posted && posted.status !== 'approved')
        setMine((list) => (list.some((c) => c.id === posted.id) ? list : [...list, posted]))
      if (state.ownToken && !reader) rememberCommenter(state.values)
      loadMine(state.ownToken)
    }
    if (state.status === 'error') setInvalidSeq((n) => n + 1)
    // `reader` is read, not watched: only a new answer from the server should run this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, loadMine])

  useEffect(() => {
    if (invalidSeq > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [invalidSeq])

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
      {
        body: String(data.get('comment') ?? ''),
        authorName: String(data.get('author') ?? ''),
        authorEmail: String(data.get('email') ?? ''),
        authorUrl: String(data.get('url') ?? ''),
      },
      { requireNameEmail },
      { signedIn: Boolean(reader) },
    )
    if (found.length) {
      event.preventDefault()
      setClientErrors(Object.fromEntries(found.map((e) => [e.field, e.message])))
      setInvalidSeq((n) => n + 1)
      return
    }
    setClientErrors(null)
    const elapsed = event.currentTarget.elements.namedItem('elapsed') as HTMLInputElement
    elapsed.value = String(Date.now() - loadedAt.current)
  }

  // Shown with JavaScript off too: the server action's answer renders the just-posted comment.
  // An approved one is in the thread already (the action's answer rendered it there).
  const posted = state.posted?.status === 'approved' ? undefined : state.posted
  const own = posted && !mine.some((c) => c.id === posted.id) ? [...mine, posted] : mine

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
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- next-auth's route, a full navigation without JavaScript */}
            <a href="/auth/signout" onClick={logOut}>
              Log out?
            </a>
          </p>
        ) : (
          !requireLogin &&
          signInAvailable && (
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
            {signInAvailable ? (
              <>
                You must be <a href={signInHref(returnTo)}>logged in</a> to post a comment.
              </>
            ) : (
              'Only registered readers may comment, and reader sign-in is not available on this site yet.'
            )}
          </p>
        ) : (
          <>
            <input name="article" type="hidden" value={articleId} />
            <input name="parent" type="hidden" value={replyTo ? String(replyTo.id) : ''} />
            <input defaultValue="" name="elapsed" type="hidden" />
            {/* Re-mounted after each answer from the server, so the typed (or cleared) values show. */}
            <div className="fields" key={state.seq}>
              {/* For sighted readers; assistive technology hears each control's own required state. */}
              <p aria-hidden="true" className="required-note">
                Required fields are marked <span className="required">*</span>
              </p>
              <Field error={errors.body} id="comment" label="Comment" required>
                <textarea
                  {...controlProps('comment', errors.body, true)}
                  defaultValue={v.body}
                  maxLength={5000}
                  name="comment"
                  rows={7}
                />
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
      <Field error={errors.authorName} id="author" label="Name" required={requireNameEmail}>
        <input
          {...controlProps('author', errors.authorName, requireNameEmail)}
          autoComplete="name"
          defaultValue={v.authorName}
          maxLength={245}
          name="author"
          type="text"
        />
      </Field>
      <Field error={errors.authorEmail} id="email" label="Email" required={requireNameEmail}>
        <input
          {...controlProps('email', errors.authorEmail, requireNameEmail)}
          autoComplete="email"
          defaultValue={v.authorEmail}
          maxLength={100}
          name="email"
          type="email"
        />
      </Field>
      <Field error={errors.authorUrl} id="url" label="Website">
        <input
          {...controlProps('url', errors.authorUrl, false)}
          autoComplete="url"
          defaultValue={v.authorUrl}
          maxLength={200}
          name="url"
          type="url"
        />
      </Field>
      <p className="checkbox">
        <input defaultChecked={v.remember} id="remember" name="remember" type="checkbox" />
        <label htmlFor="remember">Save my name, email, and website in this browser for the next time I comment.</label>
      </p>
    </>
  )
}

/** A control's id, required state and its link to its error message (`<id>-error`). */
function controlProps(id: string, error: string | undefined, required: boolean) {
  return {
    id,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  }
}

function Field({
  id,
  label,
  error,
  required,
  children,
}: {
  id: string
  label: string
  error?: string
  required?: boolean
  children: React.ReactNode
}) {
  return (
    <p className="field">
      {/* The star stays outside the label: the field's name is the label's words alone. */}
      <span className="label-line">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span aria-hidden="true" className="required">
            *
          </span>
        )}
      </span>
      {children}
      {error && (
        <span className="field-error" id={`${id}-error`}>
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
  document.cookie = commenterDocumentCookie(values, location.protocol === 'https:')
}

/** Fills name, email and website from the "Save my name…" cookie, where the fields are empty. */
function prefillSavedCommenter(form: HTMLFormElement | null) {
  const raw = document.cookie.split('; ').find((c) => c.startsWith(`${COMMENTER_COOKIE}=`))
  if (!form || !raw) return
  try {
    const saved = JSON.parse(decodeURIComponent(raw.slice(COMMENTER_COOKIE.length + 1))) as {
      n?: string
      e?: string
      u?: string
    }
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
