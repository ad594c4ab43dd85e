import type { PublicComment } from '@/lib/comments/submit'
import { MESSAGES } from '@/lib/comments/messages'
import { formatDate } from '@/lib/format'
import { CommentAuthor } from './CommentAuthor'
import { CommentBody } from './CommentBody'

/** The reader's own comment while it waits: visible in their browser only. */
export function PendingComment({ comment }: { comment: PublicComment }) {
  return (
    <li className="comment comment-pending" id={`comment-${comment.id}`}>
      <p className="comment-meta">
        <CommentAuthor name={comment.authorName} url={comment.authorUrl} /> <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
      </p>
      <p className="awaiting">
        <em>{MESSAGES.awaiting}</em>
      </p>
      <CommentBody text={comment.body} />
    </li>
  )
}
