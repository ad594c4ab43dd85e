import { headers } from 'next/headers'
import Link from 'next/link'
import type { BeforeListTableServerProps, Where } from 'payload'
import * as qs from 'qs-esm'
import type { CSSProperties } from 'react'

import { ALL_WHERE, listHref, QUEUE_STATUSES, statusWhere } from './moderation'

const LABELS = { pending: 'Pending', approved: 'Approved', spam: 'Spam', trash: 'Trash' }

const tabStyle = (current: boolean): CSSProperties => ({
  padding: '4px 12px',
  borderRadius: 'var(--style-radius-s, 3px)',
  textDecoration: 'none',
  color: current ? 'var(--theme-elevation-0)' : 'var(--theme-elevation-800)',
  background: current ? 'var(--theme-elevation-800)' : 'var(--theme-elevation-100)',
  fontWeight: current ? 600 : 400,
})

/** Status filter tabs above the comments table: Pending (N), Approved, Spam, Trash, All. */
export async function CommentQueueTabs({ payload, searchParams, user }: BeforeListTableServerProps) {
  // Not in list drawers (rendered by a server function): their links would leave the drawer.
  if ((await headers()).has('next-action')) return null
  const { totalDocs: pending } = await payload.count({
    collection: 'comments',
    where: statusWhere('pending'),
    overrideAccess: false,
    user,
  })
  const current = JSON.stringify(qs.parse(qs.stringify(searchParams ?? {}), { depth: 10 }).where)
  const tabs: { label: string; where: Where }[] = [
    ...QUEUE_STATUSES.map((status) => ({
      label: status === 'pending' ? `Pending (${pending})` : LABELS[status],
      where: statusWhere(status),
    })),
    { label: 'All', where: ALL_WHERE },
  ]
  const adminRoute = payload.config.routes.admin
  return (
    <nav
      data-byline-admin="queue-tabs"
      aria-label="Comment status"
      style={{ display: 'flex', gap: 8, margin: '0 0 16px' }}
    >
      {tabs.map(({ label, where }) => {
        const isCurrent = JSON.stringify(where) === current
        return (
          <Link
            key={label}
            href={listHref(adminRoute, where)}
            aria-current={isCurrent ? 'page' : undefined}
            style={tabStyle(isCurrent)}
          >
            {label}
          </Link>
        )
      })}
    </nav>
  )
}
