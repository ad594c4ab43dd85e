'use client'
import { useActionState, useEffect, useRef, useState } from 'react'

import { validateInput } from '@/lib/comments/rules'
import type { PublicComment } from '@/lib/comments/submit'
import { MESSAGES } from '@/lib/comments/messages'
import { postComment } from './actions'
import { emptyValues, type FormState, type FormValues } from './formState'
import { PendingComment } from './PendingComment'

type Props = { articleId: number; requireNameEmail: boolean; replyTo?: { id: number; name: string } | null }

const FIELD_FOR: Record<string, keyof FormValues> = { body: 'body', authorName: 'authorName', authorEmail: 'authorEmail', authorUrl: 'authorUrl' }

/**
 * "Leave a Reply": the form (a server action, so it works with JavaScript off), the reader's own
 * comments awaiting moderation (fetched for this browser only, so the page stays cached), and
 * reply-to handling for the "Reply" links in the list.
 */
export function CommentComposer({ articleId, requireNameEmail, replyTo: initialReplyTo = null }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(postComment, { seq: 0, status: 'idle', errors: {}, values: emptyValues(initialReplyTo ? String(initialReplyTo.id) : '') })
  const [clientErrors, setClientErrors] = useState<FormState['errors'] | null>(null)
  const [replyTo, setReplyTo] = useState(initialReplyTo)
  const [mine, setMine] = useState<PublicComment[]>([])
  const loadedAt = useRef(0)
  const formRef = useRef<HTMLFormElement>(null)

  useEffect(() => {
    loadedAt.current = Date.now()
    fetch(`/comments/mine?article=${articleId}`, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : { docs: [] }))
      .then((r: { docs: PublicComment[] }) => setMine(r.docs))
      .catch(() => undefined)
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
  }, [articleId])

  useEffect(() => {
    if (state.status === 'posted') {
      setReplyTo(null)
      const posted = state.posted
      if (posted) setMine((list) => (list.some((c) => c.id === posted.id) ? list : [...list, posted]))
    }
  }, [state])

  const errors = clientErrors ?? state.errors
  const v = state.values
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget)
    const found = validateInput(
      { body: String(data.get('comment') ?? ''), authorName: String(data.get('author') ?? ''), authorEmail: String(data.get('email') ?? ''), authorUrl: String(data.get('url') ?? '') },
      { requireNameEmail },
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
        {state.status === 'posted' && !clientErrors && <p className="form-message success" role="status">Thank you. {MESSAGES.awaiting}</p>}
        <input name="article" type="hidden" value={articleId} />
        <input name="parent" type="hidden" value={replyTo ? String(replyTo.id) : ''} />
        <input defaultValue="" name="elapsed" type="hidden" />
        {/* Re-mounted after each answer from the server, so the typed (or cleared) values show. */}
        <div className="fields" key={state.seq}>
        <Field error={errors.body} id="comment" label="Comment">
          <textarea aria-invalid={Boolean(errors.body)} defaultValue={v.body} id="comment" maxLength={5000} name="comment" rows={7} />
        </Field>
        <Field error={errors.authorName} id="author" label={requireNameEmail ? 'Name*' : 'Name'}>
          <input aria-invalid={Boolean(errors.authorName)} autoComplete="name" defaultValue={v.authorName} id="author" maxLength={245} name="author" type="text" />
        </Field>
        <Field error={errors.authorEmail} id="email" label={requireNameEmail ? 'Email*' : 'Email'}>
          <input aria-invalid={Boolean(errors.authorEmail)} autoComplete="email" defaultValue={v.authorEmail} id="email" maxLength={100} name="email" type="email" />
        </Field>
        <Field error={errors.authorUrl} id="url" label="Website">
          <input aria-invalid={Boolean(errors.authorUrl)} autoComplete="url" defaultValue={v.authorUrl} id="url" maxLength={200} name="url" type="url" />
        </Field>
        <div aria-hidden="true" className="hp-field">
          <label htmlFor="hp_website">Leave this field empty</label>
          <input autoComplete="off" id="hp_website" name="hp_website" tabIndex={-1} type="text" />
        </div>
        <p className="checkbox">
          <input defaultChecked={v.remember} id="remember" name="remember" type="checkbox" />
          <label htmlFor="remember">Save my name, email, and website in this browser for the next time I comment.</label>
        </p>
        <p className="checkbox">
          <input defaultChecked={v.notify} id="notify" name="notify" type="checkbox" />
          <label htmlFor="notify">Notify me by email when my comment is approved and when someone replies.</label>
        </p>
        </div>
        <button disabled={pending} type="submit">
          Post Comment
        </button>
      </form>
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

/** Fills name, email and website from the "Save my name…" cookie, where the fields are empty. */
function prefillSavedCommenter(form: HTMLFormElement | null) {
  const raw = document.cookie.split('; ').find((c) => c.startsWith('byline_commenter='))
  if (!form || !raw) return
  try {
    const saved = JSON.parse(decodeURIComponent(raw.slice('byline_commenter='.length))) as { n?: string; e?: string; u?: string }
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
