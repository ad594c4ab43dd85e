/** Why a reader reports a comment (the "Report" form and the comment-reports collection). */
export const REPORT_REASONS = [
  { label: 'Spam or advertising', value: 'spam' },
  { label: 'Abusive or hateful', value: 'abuse' },
  { label: 'Off topic', value: 'off-topic' },
  { label: 'Something else', value: 'other' },
] as const

export type ReportReason = (typeof REPORT_REASONS)[number]['value']
