'use client'

import { Button, toast, useAuth, useConfig, useForm, useFormFields } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useEffect, useId, useState } from 'react'

import { type ApiAnswer, BLOCK_ANCHOR, commentsCount, failure, type QueueStatus } from './moderation'
import { type ModerationAction, ModerationButtons } from './ModerationButtons'
import { ReplyAsStaff } from './ReplyAsStaff'

const ACTIONS: ModerationAction[] = [
  { status: 'approved', label: 'Approve' },
  { status: 'spam', label: 'Spam' },
  { status: 'trash', label: 'Trash' },
]

/**
 * Where the comment sits on the site: an approved comment's permalink (`/comments/<id>` answers
 * with its article, comment page and `#comment-<id>` anchor); any other comment is not shown, so
 * the link goes to its article.
 */
export const viewOnSiteHref = (commentId: string, status: unknown, articleSlug: string | null) =>
  status === 'approved' ? `/comments/${encodeURIComponent(commentId)}` : articleSlug ? `/articles/${articleSlug}` : null

/** Approve / Spam / Trash on a comment's own page: saves the form with the new status. */
export function CommentModerationControls(props: {
  commentId: string
  articleSlug: string | null
  publication: string
  byStaff: boolean
}) {
  const { commentId, articleSlug, publication, byStaff } = props
  const { permissions } = useAuth()
  const { submit } = useForm()
  const status = useFormFields(([fields]) => fields.status?.value)
  const [busy, setBusy] = useState(false)
  const canModerate = Boolean(permissions?.collections?.comments?.update)
  const canBlock = Boolean(permissions?.collections?.['comment-blocks']?.create)
  const href = viewOnSiteHref(commentId, status, articleSlug)

  async function moderate(next: QueueStatus) {
    setBusy(true)
    try {
      // Payload's own save: validation, the "Updated successfully" toast and the new form state.
      await submit({ overrides: { status: next } })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type" data-byline-admin="moderation" style={{ marginBottom: 'var(--base)' }}>
      {canModerate && (
        <div
          role="group"
          aria-label="Moderate this comment"
          style={{ display: 'flex', gap: 6, flexWrap: 'wrap', marginBottom: 8 }}
        >
          <ModerationButtons
            actions={ACTIONS.filter((action) => action.status !== status)}
            busy={busy}
            onPick={moderate}
            size="small"
          />
        </div>
      )}
      {canModerate && (
        <ReplyAsStaff
          commentId={commentId}
          publication={publication}
          status={status}
          onApprove={() => moderate('approved')}
        />
      )}
      {canBlock && !byStaff && <BlockCommenter commentId={commentId} />}
      {href && (
        <a href={href} target="_blank" rel="noopener">
          {status === 'approved' ? 'View on site' : 'View on site (the article: not shown until approved)'}
        </a>
      )}
    </div>
  )
}

type Hide = 'none' | 'spam' | 'trash'

const HIDE: { value: Hide; label: string }[] = [
  { value: 'none', label: 'Leave them as they are' },
  { value: 'spam', label: 'Mark their approved and pending comments as spam' },
  { value: 'trash', label: 'Move their approved and pending comments to the trash' },
]

/**
 * "Block this commenter": blocks the email and the address this comment came from (stored as
 * hashes by collections/Blocks.ts), with an optional end and reason, and optionally hides their
 * comments, this one included.
 */
function BlockCommenter({ commentId }: { commentId: string }) {
  const { config } = useConfig()
  const { dispatchFields, setModified } = useForm()
  const ids = useId()
  const [reason, setReason] = useState('')
  const [until, setUntil] = useState('')
  const [hide, setHide] = useState<Hide>('none')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const api = (path: `/${string}`) => formatAdminURL({ apiRoute: config.routes.api, path })

  async function block() {
    setBusy(true)
    try {
      const res = await fetch(api('/comment-blocks'), {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          comment: Number(commentId),
          reason: reason.trim() || null,
          until: until ? new Date(until).toISOString() : null,
          hideComments: hide,
        }),
      })
      const json = (await res.json().catch(() => ({}))) as ApiAnswer
      if (!res.ok || !json.doc) throw failure(res, json)
      const hidden = json.doc.hiddenComments ?? 0
      const message = `${json.doc.authorName ?? 'The commenter'} is blocked: new comments from their email and address are refused.${hide !== 'none' ? ` ${commentsCount(hidden)} hidden.` : ''}`
      setDone(message)
      toast.success(message)
      if (hide !== 'none') {
        // This comment was one of theirs: show its new status without a stale form.
        const current = await fetch(api(`/comments/${encodeURIComponent(commentId)}?depth=0&select[status]=true`), {
          credentials: 'include',
        })
        const status = current.ok ? ((await current.json()) as { status?: string }).status : undefined
        if (status) {
          dispatchFields({ type: 'UPDATE', path: 'status', value: status })
          setModified(false)
        }
      }
    } catch (error) {
      toast.error(`Could not block this commenter: ${(error as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  // Opened from the list's "Block…" link.
  const [open, setOpen] = useState(false)
  useEffect(() => setOpen(window.location.hash === `#${BLOCK_ANCHOR}`), [])

  if (done)
    return (
      <p role="status" style={{ margin: '0 0 8px' }}>
        {done}
      </p>
    )
  return (
    <details
      data-byline-admin="block"
      id={BLOCK_ANCHOR}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      style={{ margin: '0 0 12px' }}
    >
      <summary style={{ cursor: 'pointer', marginBottom: 8 }}>Block this commenter</summary>
      <p style={{ margin: '0 0 8px' }}>
        New comments from this comment&rsquo;s email and address are refused with the ban message.
      </p>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        <label htmlFor={`${ids}-reason`}>Reason (shown to them)</label>
        <textarea
          id={`${ids}-reason`}
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <label htmlFor={`${ids}-until`}>Blocked until (empty: for good)</label>
        <input id={`${ids}-until`} type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>Their comments</legend>
          {HIDE.map((choice) => (
            <label key={choice.value} style={{ display: 'block' }}>
              <input
                type="radio"
                name={`${ids}-hide`}
                value={choice.value}
                checked={hide === choice.value}
                onChange={() => setHide(choice.value)}
              />{' '}
              {choice.label}
            </label>
          ))}
        </fieldset>
        <div>
          <Button buttonStyle="secondary" size="small" margin={false} disabled={busy} onClick={block}>
            Block commenter
          </Button>
        </div>
      </div>
    </details>
  )
}
