'use client'

import { Button, toast, useConfig } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useId, useState } from 'react'

import { type ApiAnswer, failure } from './moderation'

/**
 * "Reply as <publication>": a reply stored approved under the site's name (byStaff, which
 * collections/Comments/hooks/staffReply.ts fills in). On a comment not yet approved it approves
 * it first, as WordPress's "Approve and Reply" does: a reply under a hidden comment is hidden too.
 * On a comment's page (CommentModerationControls) and on each queue row (StatusCell, `summary`
 * "Reply"). The typed text stays until the reply is stored.
 */
export function ReplyAsStaff(props: {
  commentId: string
  publication: string
  status: unknown
  onApprove: () => Promise<unknown>
  onPosted?: (replyId: number) => void
  summary?: string
}) {
  const { config } = useConfig()
  const ids = useId()
  const [body, setBody] = useState('')
  const [busy, setBusy] = useState(false)
  const [posted, setPosted] = useState<number | null>(null)
  const approveFirst = props.status !== 'approved'

  async function reply() {
    if (!body.trim()) {
      toast.error('Write the reply first.')
      return
    }
    setBusy(true)
    try {
      if (approveFirst) await props.onApprove()
      const res = await fetch(formatAdminURL({ apiRoute: config.routes.api, path: '/comments' }), {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ parent: Number(props.commentId), body: body.trim(), byStaff: true }),
      })
      const json = (await res.json().catch(() => ({}))) as ApiAnswer
      if (!res.ok || !json.doc?.id) throw failure(res, json)
      setPosted(json.doc.id)
      setBody('')
      toast.success(`Reply posted as ${props.publication}.`)
      props.onPosted?.(json.doc.id)
    } catch (error) {
      toast.error(`Could not post the reply: ${(error as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <details data-byline-admin="reply" style={{ margin: '0 0 12px' }}>
      <summary style={{ cursor: 'pointer', marginBottom: 8 }}>
        {props.summary ?? `Reply as ${props.publication}`}
      </summary>
      {posted && (
        <p role="status" style={{ margin: '0 0 8px' }}>
          Reply posted as {props.publication}.{' '}
          <a href={`/comments/${posted}`} target="_blank" rel="noopener">
            View the reply on site
          </a>
        </p>
      )}
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        <label htmlFor={`${ids}-reply`}>Your reply (published at once, with a Staff badge)</label>
        <textarea
          id={`${ids}-reply`}
          rows={4}
          style={{ minWidth: 260 }}
          maxLength={5000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <div>
          <Button buttonStyle="primary" size="small" margin={false} disabled={busy} onClick={reply}>
            {approveFirst ? 'Approve and reply' : 'Post reply'}
          </Button>
        </div>
      </div>
    </details>
  )
}
