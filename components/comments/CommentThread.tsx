import type { ThreadNode } from '@/lib/comments/threads'
import { formatDate } from '@/lib/format'
import { CommentAuthor } from './CommentAuthor'
import { EditableBody } from './EditableBody'

type Props = { node: ThreadNode; articleSlug: string; maxDepth: number }

/** One approved comment and its replies, indented under it. */
export function CommentThread({ node, articleSlug, maxDepth }: Props) {
  return (
    <li className={`comment depth-${node.depth}`} id={`comment-${node.id}`}>
      <article>
        <p className="comment-meta">
          <CommentAuthor name={node.authorName} url={node.authorUrl} staff={node.byStaff} />{' '}
          <a className="comment-date" href={`#comment-${node.id}`}>
            <time dateTime={node.createdAt}>{formatDate(node.createdAt)}</time>
          </a>
        </p>
        <EditableBody id={node.id} text={node.body} />
        {node.depth <= maxDepth && (
          <a
            className="comment-reply"
            data-reply-name={node.authorName ?? ''}
            data-reply-to={node.id}
            href={`/articles/${articleSlug}/reply/${node.id}#respond`}
            rel="nofollow"
          >
            Reply
          </a>
        )}{' '}
        <a className="comment-report" data-report={node.id} href={`/comments/${node.id}/report`} rel="nofollow">
          Report
        </a>
      </article>
      {node.replies.length > 0 && (
        <ol className="children">
          {node.replies.map((reply) => (
            <CommentThread articleSlug={articleSlug} key={reply.id} maxDepth={maxDepth} node={reply} />
          ))}
        </ol>
      )}
    </li>
  )
}
