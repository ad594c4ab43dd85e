'use server'
import { reportComment } from '@/lib/comments/report'
import { payload } from '@/lib/payload'
import { sessionReaderId } from '@/lib/readers/session'
import { requestMeta } from '@/lib/requestAddress'

export type ReportState = { seq: number; ok: boolean | null; message: string }

/** The "Report" form's server action: works as a plain form POST with JavaScript off. */
export async function reportAction(previous: ReportState, form: FormData): Promise<ReportState> {
  const result = await reportComment(
    await payload(),
    {
      commentId: Number(form.get('comment')),
      reason: String(form.get('reason') ?? ''),
      readerId: await sessionReaderId(),
    },
    { ip: (await requestMeta()).ip },
  )
  return { seq: previous.seq + 1, ok: result.ok, message: result.message }
}
