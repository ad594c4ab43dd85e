import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { mayReadModerationAnalytics } from '@/access/moderationAnalytics'
import { formatDuration, moderationAnalytics, WINDOW_DAYS, type ModerationAnalytics } from '@/lib/analytics/moderation'
import { ANALYTICS_PATH } from '@/lib/analytics/routes'
import { formatInZone } from '@/lib/dashboard/format'

const percent = (p: number | null) => (p === null ? '—' : `${Math.round(p * 100)} %`)
const dayLabel = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(
    new Date(`${day}T00:00:00Z`),
  )

/** /admin/moderation-analytics: how the moderation queue is doing, for moderators and admins. */
export async function ModerationAnalyticsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, locale, permissions, visibleEntities } = initPageResult
  const { payload, user } = req
  const adminRoute = payload.config.routes.admin
  if (!user)
    redirect(
      formatAdminURL({ adminRoute, path: `/login?redirect=${encodeURIComponent(`${adminRoute}${ANALYTICS_PATH}`)}` }),
    )
  const allowed = mayReadModerationAnalytics(user)
  const data = allowed ? await moderationAnalytics(payload, { user }) : null
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user}
      visibleEntities={visibleEntities}
    >
      <Gutter className="byline-analytics">
        <h1>Moderation analytics</h1>
        {data ? (
          <Figures data={data} adminRoute={adminRoute} />
        ) : (
          <p role="alert" className="byline-analytics__refused">
            Moderation analytics are for moderators and admins. Your account does not have either role.
          </p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}

function Figures({ data, adminRoute }: { data: ModerationAnalytics; adminRoute: string }) {
  const { queue, decisions, perDay, perModerator, rules, timeZone } = data
  const busiest = Math.max(1, ...perDay.map((d) => d.total))
  const queueHref = formatAdminURL({ adminRoute, path: '/collections/comments?where[status][equals]=pending' })
  return (
    <>
      <p className="byline-analytics__lede">
        The last {WINDOW_DAYS} days ({formatInZone(data.since, timeZone)} to now). A decision is the latest status a
        moderator gave a comment: approved, spam or trash.
      </p>
      <dl className="byline-analytics__stats" aria-label="Summary">
        <div data-figure="pending">
          <dt>Waiting in the queue</dt>
          <dd>
            <Link href={queueHref}>{queue.pending}</Link>
          </dd>
        </div>
        <div data-figure="oldest">
          <dt>Oldest pending comment</dt>
          <dd>{queue.oldestPendingAt ? `${formatDuration(queue.oldestPendingAgeMs)} old` : 'none'}</dd>
        </div>
        <div data-figure="decisions">
          <dt>Decisions</dt>
          <dd>{decisions.total}</dd>
        </div>
        <div data-figure="median">
          <dt>Median time to decision</dt>
          <dd>{formatDuration(decisions.medianMsToDecision)}</dd>
        </div>
      </dl>
      <p className="byline-analytics__split" data-figure="split">
        {decisions.approved} approved · {decisions.spam} spam · {decisions.trash} trash
      </p>

      <h2 id="analytics-rules">Automatic verdict: agreement per rule</h2>
      <p className="byline-analytics__note">
        A rule that holds a comment (or marks it spam) is agreed with when the moderator keeps the comment off the site
        (spam or trash) and overturned when they approve it; for the trust rule it is the other way round. Precision is
        the share agreed with: a low figure suggests loosening that rule in the Discussion settings.
      </p>
      <FigureTable
        id="analytics-rules"
        name="rules"
        columns={['Rule', 'Says', 'Decided', 'Agreed', 'Overturned', 'Precision']}
        empty="No decided comment carried a rule in this period."
        rows={rules.map((r) => ({
          key: `${r.rule}-${r.direction}`,
          label: r.rule,
          cells: [
            r.direction === 'flag' ? 'hold / spam' : 'trust',
            r.decided,
            r.agreed,
            r.overturned,
            percent(r.precision),
          ],
        }))}
      />

      <h2 id="analytics-moderators">Decisions per moderator</h2>
      <FigureTable
        id="analytics-moderators"
        name="moderators"
        columns={['Moderator', 'Approved', 'Spam', 'Trash', 'Total']}
        empty="No decisions in this period."
        rows={perModerator.map((m) => ({
          key: String(m.id),
          label: m.name,
          cells: [m.approved, m.spam, m.trash, m.total],
        }))}
      />

      <h2 id="analytics-days">Decisions per day ({timeZone})</h2>
      <FigureTable
        id="analytics-days"
        name="days"
        columns={['Day', 'Approved', 'Spam', 'Trash', 'Total']}
        empty=""
        rows={[...perDay].reverse().map((d) => ({
          key: d.day,
          label: <time dateTime={d.day}>{dayLabel(d.day)}</time>,
          cells: [d.approved, d.spam, d.trash, d.total],
          bar: d.total / busiest,
        }))}
      />
    </>
  )
}

type Row = { key: string; label: React.ReactNode; cells: React.ReactNode[]; bar?: number }

/** A table of figures: a row header per line, and an optional bar (share of the largest) at the end. */
function FigureTable({
  id,
  name,
  columns,
  rows,
  empty,
}: {
  id: string
  name: string
  columns: string[]
  rows: Row[]
  empty: string
}) {
  const withBar = rows.some((r) => r.bar !== undefined)
  return (
    // Scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
    <div className="byline-analytics__scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table aria-labelledby={id} data-table={name}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
            {withBar && (
              <th scope="col" className="byline-analytics__bar-col">
                <span className="byline-analytics__sr">Share of the busiest day</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.length ? (
            rows.map((r) => (
              <tr key={r.key} data-row={r.key}>
                <th scope="row">{r.label}</th>
                {r.cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
                {withBar && (
                  <td className="byline-analytics__bar-col" aria-hidden="true">
                    <span className="byline-analytics__bar" style={{ width: `${(r.bar ?? 0) * 100}%` }} />
                  </td>
                )}
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
