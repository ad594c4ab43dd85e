'use client'

import { Button, toast, useAuth, useConfig, useListQuery, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import type { BeforeListTableClientProps, Where } from 'payload'
import { mergeListSearchAndWhere } from 'payload/shared'
import { useState } from 'react'

import { type Decision, decideBulk, undoLast, useLastDecision } from './decisions'
import { commentsCount, type QueueStatus } from './moderation'
import { type ModerationAction, ModerationButtons } from './ModerationButtons'

const ACTIONS: ModerationAction[] = [
  { status: 'approved', label: 'Approve selected' },
  { status: 'spam', label: 'Mark selected as spam' },
  { status: 'trash', label: 'Trash selected' },
]

/**
 * Bulk approve, spam or trash for the rows selected in the comments list, and "Undo" for the
 * newest bulk action (in its toast, and here until another decision is made; `u` does the same).
 */
export function BulkModeration({ collectionSlug }: BeforeListTableClientProps) {
  const { count, selectAll, selectedIDs, toggleAll } = useSelection()
  const { query } = useListQuery()
  const { config, getEntityConfig } = useConfig()
  const router = useRouter()
  const { permissions } = useAuth()
  const [busy, setBusy] = useState(false)
  const last = useLastDecision()
  if (!permissions?.collections?.[collectionSlug]?.update) return null

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
      const decision = await decideBulk(config.routes.api, collectionSlug, selection(), status)
      toast.success(
        decision.summary,
        decision.changes.length ? { action: { label: 'Undo', onClick: () => void undo(decision) } } : undefined,
      )
      toggleAll()
      router.refresh()
    } catch (error) {
      toast.error(`Could not change the selected comments: ${(error as Error).message}`)
      router.refresh()
    } finally {
      setBusy(false)
    }
  }

  async function undo(expected?: Decision) {
    setBusy(true)
    try {
      const message = await undoLast(config.routes.api, collectionSlug, expected)
      if (message) toast.success(message)
      router.refresh()
    } catch (error) {
      toast.error(`Could not undo: ${(error as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  const undoBar = last?.bulk && (
    <p role="status" style={{ display: 'flex', alignItems: 'center', gap: 8, margin: '0 0 16px' }}>
      <span>{last.summary}</span>
      <Button buttonStyle="secondary" size="small" margin={false} disabled={busy} onClick={() => void undo()}>
        Undo
      </Button>
    </p>
  )
  if (count === 0) return undoBar || null

  return (
    <div
      data-byline-admin="bulk"
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
