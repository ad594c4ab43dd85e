import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { CommentAuthor } from '@/components/comments/CommentAuthor'
import { CommentBody } from '@/components/comments/CommentBody'
import { ReportForm } from '@/components/comments/ReportForm'
import { findShownComment } from '@/lib/comments/queries'
import { formatDate } from '@/lib/format'
import { parseId } from '@/lib/ids'
import { payload } from '@/lib/payload'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Report a comment', robots: { index: false, follow: false } }

/**
 * Where a comment's "Report" link leads without JavaScript (with it, the form opens under the
 * comment): the comment, quoted, and the report form. Only approved comments on published
 * articles; any other id is the site's 404. Not cached: two indexed lookups per request.
 */
export default async function ReportCommentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const commentId = parseId(id)
  const found = commentId === null ? null : await findShownComment(await payload(), commentId)
  if (!found) notFound()
  const { comment, article } = found
  return (
    <div className="report-page">
      <h1>Report a comment</h1>
      <p>
        A comment on <a href={`/comments/${comment.id}`}>{article.title}</a>. Moderators read every report; the comment
        goes back to them for review once enough readers report it.
      </p>
      <div className="comment" id={`comment-${comment.id}`}>
        <p className="comment-meta">
          <CommentAuthor name={comment.authorName} staff={comment.byStaff} url={comment.authorUrl} />{' '}
          <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
        </p>
        <CommentBody text={comment.body} />
        <ReportForm commentId={comment.id} />
      </div>
    </div>
  )
}
