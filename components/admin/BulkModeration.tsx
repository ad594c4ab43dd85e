'use client'

import { toast, useAuth, useConfig, useListQuery, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import type { BeforeListTableClientProps, Where } from 'payload'
import { formatAdminURL, mergeListSearchAndWhere } from 'payload/shared'
import * as qs from 'qs-esm'
import { useState } from 'react'

import { commentsCount, DONE, patchStatus, type QueueStatus } from './moderation'
import { type ModerationAction, ModerationButtons } from './ModerationButtons'

const ACTIONS: ModerationAction[] = [
  { status: 'approved', label: 'Approve selected' },
  { status: 'spam', label: 'Mark selected as spam' },
  { status: 'trash', label: 'Trash selected' },
]

/** Bulk approve, spam or trash for the rows selected in the comments list. */
export function BulkModeration({ collectionSlug }: BeforeListTableClientProps) {
  const { count, selectAll, selectedIDs, toggleAll } = useSelection()
  const { query } = useListQuery()
  const { config, getEntityConfig } = useConfig()
  const router = useRouter()
  const { permissions } = useAuth()
  const [busy, setBusy] = useState(false)
  if (count === 0 || !permissions?.collections?.[collectionSlug]?.update) return null

  /** The selected rows; "select all across pages" means the whole current filter and search. */
  function selection(): Where {
    if (String(selectAll) !== 'allAvailable') return { id: { in: selectedIDs } }
    const where = mergeListSearchAndWhere({
      collectionConfig: getEntityConfig({ collectionSlug }),
      search: typeof query.search === 'string' ? query.search : '',
      where: query.where,
    })
    return where && Object.keys(where).length ? where : { id: { exists: true } }
  }

  async function moderate(status: QueueStatus) {
    setBusy(true)
    try {
      const search = qs.stringify({ where: selection() }, { addQueryPrefix: true })
      const url = formatAdminURL({
        apiRoute: config.routes.api,
        path: `/${collectionSlug}${search}`,
      })
      const updated = await patchStatus(url, status)
      toast.success(`${commentsCount(updated)} ${DONE[status]}.`)
      toggleAll()
      router.refresh()
    } catch (error) {
      toast.error(`Could not change the selected comments: ${(error as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div
      role="group"
      aria-label="Bulk moderation"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        flexWrap: 'wrap',
        margin: '0 0 16px',
      }}
    >
      <span>{commentsCount(count)} selected:</span>
      <ModerationButtons actions={ACTIONS} busy={busy} onPick={moderate} size="small" />
    </div>
  )
}
