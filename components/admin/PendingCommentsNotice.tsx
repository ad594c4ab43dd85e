import Link from 'next/link'
import type { ServerProps } from 'payload'

import { commentsCount, listHref, statusWhere } from './moderation'

/** On the admin dashboard: how many comments wait for a moderator, with a link to the queue. */
export async function PendingCommentsNotice({ payload, user }: ServerProps) {
  if (!user) return null
  const { totalDocs } = await payload.count({
    collection: 'comments',
    where: statusWhere('pending'),
    overrideAccess: false,
    user,
  })
  return (
    <section
      data-byline-admin="pending"
      aria-label="Comment moderation"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        flexWrap: 'wrap',
        margin: '0 0 24px',
        padding: '12px 16px',
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 'var(--style-radius-m, 4px)',
        background: totalDocs ? 'var(--theme-warning-100)' : 'var(--theme-elevation-50)',
      }}
    >
      <strong>{commentsCount(totalDocs)} awaiting moderation</strong>
      <Link href={listHref(payload.config.routes.admin, statusWhere('pending'))}>Open the moderation queue</Link>
    </section>
  )
}
