'use client'
import { useActionState, useId } from 'react'

import { REPORT_REASONS } from '@/collections/CommentReports/reasons'
import { reportAction, type ReportState } from './reportAction'
import './report.css'

/**
 * The form that reports one approved comment: a reason and a submit button. It opens under a
 * comment's "Report" link (ReportLinks), or stands on the comment's report page, where it works as
 * a plain form POST with JavaScript off.
 */
export function ReportForm({ commentId, autoFocus = false }: { commentId: number; autoFocus?: boolean }) {
  const [state, action, pending] = useActionState<ReportState, FormData>(reportAction, {
    seq: 0,
    ok: null,
    message: '',
  })
  const id = useId()
  if (state.ok) return <p role="status">{state.message}</p>
  return (
    <form action={action} className="comment-report-form">
      <input name="comment" type="hidden" value={commentId} />
      <label htmlFor={`${id}-reason`}>Why report this comment?</label>
      <select autoFocus={autoFocus} defaultValue="" id={`${id}-reason`} name="reason" required>
        <option disabled value="">
          Choose a reason
        </option>
        {REPORT_REASONS.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
      <button disabled={pending} type="submit">
        Send report
      </button>
      {state.ok === false && <p role="alert">{state.message}</p>}
    </form>
  )
}
