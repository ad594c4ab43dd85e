import { isHttpUrl } from '@/lib/comments/rules'
import { UGC_REL } from './CommentBody'

/** The badge of a reply written by the publication's staff in /admin. */
const STAFF_BADGE = {
  display: 'inline-block',
  marginLeft: '.4rem',
  padding: '0 .35rem',
  border: '1px solid currentColor',
  borderRadius: 3,
  fontSize: '.75em',
  fontWeight: 700,
  letterSpacing: '.05em',
  textTransform: 'uppercase',
  verticalAlign: 'middle',
} as const

export function CommentAuthor({
  name,
  url,
  staff = false,
}: {
  name: string | null | undefined
  url: string | null | undefined
  staff?: boolean
}) {
  const label = name || 'Anonymous'
  return (
    <b className="comment-author">
      {url && isHttpUrl(url) ? (
        <a href={url} rel={UGC_REL}>
          {label}
        </a>
      ) : (
        label
      )}
      {staff && ' '}
      {staff && (
        <span className="comment-staff-badge" style={STAFF_BADGE}>
          Staff
        </span>
      )}
    </b>
  )
}
