import Link from 'next/link'
import { notFound } from 'next/navigation'

import { findApprovedComment, getCommentPage, getDiscussionSettings } from '@/lib/comments/queries'
import { payload } from '@/lib/payload'
import { now } from '@/lib/clock'
import { refusal } from '@/lib/comments/rules'
import { buildThreads } from '@/lib/comments/threads'
import { providerInfo } from '@/lib/readers/providers'
import type { Article } from '@/payload-types'
import { CommentComposer } from './CommentComposer'
import { CommentThread } from './CommentThread'
import { ReportLinks } from './ReportLinks'

type Props = {
  article: Pick<Article, 'id' | 'slug' | 'publishedAt' | 'commentsOpen'>
  page: number
  replyTo?: number | null
}

export const commentCountLabel = (n: number) => `${n} ${n === 1 ? 'COMMENT' : 'COMMENTS'}`

/**
 * The comments under an article: one page of approved threads (cached, expired by tag when a
 * moderator acts), paginated by top-level thread, then the reply form. Nothing here reads the request,
 * so the article page stays one cached page for every reader.
 */
export async function CommentsSection({ article, page, replyTo = null }: Props) {
  const settings = await getDiscussionSettings()
  // Only this page's threads are read (lib/comments/queries.ts), whatever the article's total.
  const [{ comments, total, threads }, replyNode] = await Promise.all([
    getCommentPage(article.id, { page, perPage: settings.perPage, order: settings.order }),
    // Reply pages are cached whole (and only for approved comments): no data cache entry per id.
    replyTo ? findApprovedComment(await payload(), article.id, replyTo) : null,
  ])
  const shown = buildThreads(comments, { maxDepth: settings.threadDepth, order: settings.order })
  const totalPages = Math.max(1, Math.ceil(threads / settings.perPage))
  if (page > totalPages) notFound()
  const closed = refusal(
    {
      article: { publishedAt: article.publishedAt ?? null, commentsOpen: article.commentsOpen !== false },
      approvedBefore: 0,
      duplicate: false,
    },
    settings,
    now(),
  )
  const pageHref = (n: number) =>
    n === 1 ? `/articles/${article.slug}#comments` : `/articles/${article.slug}/comment-page/${n}#comments`

  return (
    <section aria-label="Comments" className="comments" id="comments">
      {total > 0 && <h2 className="comments-title">{commentCountLabel(total)}</h2>}
      {shown.length > 0 && (
        <ol className="comment-list">
          {shown.map((node) => (
            <CommentThread
              articleSlug={article.slug ?? ''}
              key={node.id}
              maxDepth={settings.threadDepth - 1}
              node={node}
            />
          ))}
        </ol>
      )}
      {shown.length > 0 && <ReportLinks />}
      {totalPages > 1 && (
        <nav aria-label="Comment pages" className="pagination">
          {page > 1 ? <Link href={pageHref(page - 1)}>← Older comments</Link> : <span />}
          <span>
            Comments page {page} of {totalPages}
          </span>
          {page < totalPages ? <Link href={pageHref(page + 1)}>Newer comments →</Link> : <span />}
        </nav>
      )}
      {closed ? (
        <p className="comments-closed">{closed}</p>
      ) : (
        <CommentComposer
          articleId={article.id}
          replyTo={replyNode ? { id: replyNode.id, name: replyNode.authorName ?? '' } : null}
          requireLogin={settings.requireLogin}
          signInAvailable={providerInfo().length > 0}
          requireNameEmail={settings.requireNameEmail}
          returnTo={`/articles/${article.slug}#respond`}
        />
      )}
    </section>
  )
}
