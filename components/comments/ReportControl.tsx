'use client'
import { useActionState, useId } from 'react'

import { REPORT_REASONS } from '@/collections/CommentReports/reasons'
import { reportAction, type ReportState } from './reportAction'
import './report.css'

/**
 * "Report" under an approved comment: a disclosure (no script needed) holding a reason and a
 * submit button. Without JavaScript the form posts and the page comes back with the answer.
 */
export function ReportControl({ commentId }: { commentId: number }) {
  const [state, action, pending] = useActionState<ReportState, FormData>(reportAction, {
    seq: 0,
    ok: null,
    message: '',
  })
  const id = useId()
  return (
    <details className="comment-report" open={state.seq > 0 || undefined}>
      <summary>Report</summary>
      {state.ok ? (
        <p role="status">{state.message}</p>
      ) : (
        <form action={action}>
          <input name="comment" type="hidden" value={commentId} />
          <label htmlFor={`${id}-reason`}>Why report this comment?</label>
          <select defaultValue="" id={`${id}-reason`} name="reason" required>
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
      )}
    </details>
  )
}
