import Link from 'next/link'
import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { mayUseEditorDashboard } from '@/access/editorDashboard'
import { mayReadModerationAnalytics } from '@/access/moderationAnalytics'
import { ANALYTICS_PATH } from '@/lib/analytics/routes'
import { editorDashboard, type EditorDashboard } from '@/lib/dashboard/editor'
import { formatInZone } from '@/lib/dashboard/format'
import { siteTimeZone } from '@/lib/env.mjs'
import type { User } from '@/payload-types'

const SCHEDULE_LABEL = { publish: 'Publishes', unpublish: 'Unpublishes', 'goes-live': 'Goes live' } as const

/**
 * On the admin dashboard: for editors (and admins, who write too) their drafts, scheduled articles
 * and the latest comments on their articles; for moderators and admins a link to the analytics.
 */
export async function StaffDashboard({ payload, user }: ServerProps) {
  if (!user) return null
  const staff = user as User
  const adminRoute = payload.config.routes.admin
  const writer = mayUseEditorDashboard(staff)
  const data = writer ? await editorDashboard(payload, { user: staff }) : null
  const analytics = mayReadModerationAnalytics(staff)
  if (!data && !analytics) return null
  return (
    <div className="byline-dashboard">
      {analytics && (
        <p className="byline-dashboard__analytics">
          <Link href={formatAdminURL({ adminRoute, path: ANALYTICS_PATH })}>Moderation analytics</Link>: queue,
          decisions and how often the automatic verdict was right, over the last 30 days.
        </p>
      )}
      {data && <EditorPanels data={data} adminRoute={adminRoute} />}
    </div>
  )
}

function EditorPanels({ data, adminRoute }: { data: EditorDashboard; adminRoute: string }) {
  const article = (id: number) => formatAdminURL({ adminRoute, path: `/collections/articles/${id}` })
  const comment = (id: number) => formatAdminURL({ adminRoute, path: `/collections/comments/${id}` })
  return (
    <div className="byline-dashboard__panels">
      <section aria-labelledby="dash-drafts" className="byline-dashboard__panel" data-panel="drafts">
        <h2 id="dash-drafts">My drafts</h2>
        {data.drafts.length ? (
          <ul>
            {data.drafts.map((d) => (
              <li key={d.id}>
                <Link href={article(d.id)}>{d.title}</Link>
                <span className="byline-dashboard__meta"> · edited {formatInZone(d.updatedAt, siteTimeZone())}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>No drafts.</p>
        )}
      </section>
      <section aria-labelledby="dash-scheduled" className="byline-dashboard__panel" data-panel="scheduled">
        <h2 id="dash-scheduled">My scheduled articles</h2>
        {data.scheduled.length ? (
          <ul>
            {data.scheduled.map((s) => (
              <li key={`${s.kind}-${s.id}-${s.at}`}>
                <Link href={article(s.id)}>{s.title}</Link>
                <span className="byline-dashboard__meta">
                  {' '}
                  · {SCHEDULE_LABEL[s.kind]} <time dateTime={s.at}>{formatInZone(s.at, siteTimeZone())}</time>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>Nothing scheduled.</p>
        )}
      </section>
      <section aria-labelledby="dash-comments" className="byline-dashboard__panel" data-panel="comments">
        <h2 id="dash-comments">Recent comments on my articles</h2>
        {data.comments.length ? (
          <ul>
            {data.comments.map((c) => (
              <li key={c.id}>
                <Link href={comment(c.id)}>{c.excerpt || '(empty)'}</Link>
                <span className="byline-dashboard__meta">
                  {' '}
                  · {c.authorName} on <Link href={article(c.article.id)}>{c.article.title}</Link> · {c.status} ·{' '}
                  {formatInZone(c.createdAt, siteTimeZone())}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>No comments on your articles yet.</p>
        )}
      </section>
    </div>
  )
}
