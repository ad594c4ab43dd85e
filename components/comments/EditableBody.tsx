'use client'
import { useEffect, useState, useTransition } from 'react'

import { LIMITS, MESSAGES } from '@/lib/comments/messages'
import { CommentBody } from './CommentBody'
import { deleteComment, editComment } from './ownActions'
import { forgetEditable, useEditDeadline } from './ownStore'

/**
 * A comment's text, with "Edit" and "Delete" for its signed-in author during the 10 minutes after
 * posting. Everyone else (and the cached page itself) gets only the text.
 */
export function EditableBody({ id, text }: { id: number; text: string }) {
  const deadline = useEditDeadline(id)
  const [body, setBody] = useState(text)
  const [draft, setDraft] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [deleted, setDeleted] = useState(false)
  const [busy, startTransition] = useTransition()
  const open = useDeadline(deadline)

  if (deleted) return <p className="comment-deleted">{MESSAGES.deleted}</p>

  const save = () =>
    startTransition(async () => {
      const result = await editComment(id, draft ?? '')
      if (!result.ok) return setMessage(result.message)
      setBody(result.comment?.body ?? body)
      setDraft(null)
      setMessage(result.comment?.status === 'pending' ? MESSAGES.awaiting : null)
    })
  const remove = () =>
    startTransition(async () => {
      if (!window.confirm('Delete your comment?')) return
      const result = await deleteComment(id)
      if (!result.ok) return setMessage(result.message)
      forgetEditable(id)
      setDeleted(true)
    })

  return (
    <>
      {draft === null ? (
        <CommentBody text={body} />
      ) : (
        <p className="field">
          <label htmlFor={`edit-${id}`}>Edit your comment</label>
          <textarea
            id={`edit-${id}`}
            maxLength={LIMITS.body}
            onChange={(e) => setDraft(e.target.value)}
            rows={5}
            value={draft}
          />
        </p>
      )}
      {message && (
        <p className="form-message" role="alert">
          {message}
        </p>
      )}
      {(open || draft !== null) && (
        <p className="comment-own-actions">
          {draft === null ? (
            <>
              <button disabled={busy} onClick={() => (setDraft(body), setMessage(null))} type="button">
                Edit
              </button>
              <button disabled={busy} onClick={remove} type="button">
                Delete
              </button>
            </>
          ) : (
            <>
              <button disabled={busy} onClick={save} type="button">
                Save
              </button>
              <button disabled={busy} onClick={() => setDraft(null)} type="button">
                Cancel
              </button>
            </>
          )}
        </p>
      )}
    </>
  )
}

/** True until the deadline passes (re-rendering then); false without one. */
function useDeadline(deadline: number | undefined): boolean {
  const [, tick] = useState(0)
  useEffect(() => {
    if (!deadline) return
    const timer = setTimeout(() => tick((n) => n + 1), Math.max(0, deadline - Date.now()) + 50)
    return () => clearTimeout(timer)
  }, [deadline])
  // eslint-disable-next-line react-hooks/purity -- the timer above re-renders when the window ends
  return Boolean(deadline && deadline > Date.now())
}
