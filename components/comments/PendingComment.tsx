import type { PublicComment } from '@/lib/comments/publicComment'
import { MESSAGES } from '@/lib/comments/messages'
import { formatDate } from '@/lib/format'
import { CommentAuthor } from './CommentAuthor'
import { EditableBody } from './EditableBody'

/** The reader's own comment just posted or still waiting: visible in their browser only. */
export function PendingComment({ comment }: { comment: PublicComment }) {
  return (
    <li className="comment comment-pending" id={`comment-${comment.id}`}>
      <p className="comment-meta">
        <CommentAuthor name={comment.authorName} url={comment.authorUrl} />{' '}
        <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
      </p>
      <p className="awaiting">
        <em>{comment.status === 'approved' ? MESSAGES.published : MESSAGES.awaiting}</em>
      </p>
      <EditableBody id={comment.id} text={comment.body} />
    </li>
  )
}
