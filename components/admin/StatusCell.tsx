'use client'

import { toast, useAuth, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import type { DefaultCellComponentProps, SelectFieldClient } from 'payload'
import { formatAdminURL } from 'payload/shared'
import { useState } from 'react'

import { BLOCK_ANCHOR, DONE, patchStatus, type QueueStatus } from './moderation'
import { type ModerationAction, ModerationButtons } from './ModerationButtons'
import { ReplyAsStaff } from './ReplyAsStaff'

const ACTIONS: ModerationAction[] = [
  { status: 'approved', label: 'Approve' },
  { status: 'spam', label: 'Spam' },
  { status: 'trash', label: 'Trash' },
]

/**
 * The status column: the comment's status, and buttons to decide or reply as the publication
 * (the same form as on the comment's page) without opening it.
 */
export function StatusCell({ cellData, collectionSlug, field, rowData }: DefaultCellComponentProps<SelectFieldClient>) {
  const router = useRouter()
  const { config } = useConfig()
  const { permissions } = useAuth()
  const canModerate = Boolean(permissions?.collections?.[collectionSlug]?.update)
  const canBlock = Boolean(permissions?.collections?.['comment-blocks']?.create) && rowData.byStaff !== true
  const [busy, setBusy] = useState(false)
  const option = field.options?.find((o) => (typeof o === 'string' ? o : o.value) === cellData)
  const label = typeof option === 'object' && typeof option.label === 'string' ? option.label : cellData

  const url = formatAdminURL({
    apiRoute: config.routes.api,
    path: `/${collectionSlug}/${encodeURIComponent(String(rowData.id))}`,
  })
  // The site's name (payload.config.ts admin.custom), as on the comment's page.
  const publication =
    typeof config.admin.custom?.publication === 'string' ? config.admin.custom.publication : 'the publication'

  async function moderate(status: QueueStatus) {
    setBusy(true)
    try {
      await patchStatus(url, status)
      toast.success(`Comment ${DONE[status]}.`)
      router.refresh()
    } catch (error) {
      toast.error(`Could not change the comment: ${(error as Error).message}`)
    } finally {
      setBusy(false)
    }
  }

  // Editors read comments but only moderators decide: no buttons that could only fail.
  if (!canModerate) return <span data-status={cellData}>{label}</span>

  return (
    <div
      data-byline-admin="row-actions"
      style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 6 }}
    >
      <span data-status={cellData}>{label}</span>
      <div style={{ display: 'flex', gap: 4, alignItems: 'center', flexWrap: 'wrap' }}>
        <ModerationButtons
          actions={ACTIONS.filter((action) => action.status !== cellData)}
          busy={busy}
          onPick={moderate}
          size="xsmall"
        />
        {canBlock && (
          // The comment's page, with "Block this commenter" open (CommentModerationControls).
          <a
            href={`${formatAdminURL({ adminRoute: config.routes.admin, path: `/collections/${collectionSlug}/${encodeURIComponent(String(rowData.id))}` })}#${BLOCK_ANCHOR}`}
          >
            Block…
          </a>
        )}
      </div>
      <ReplyAsStaff
        commentId={String(rowData.id)}
        publication={publication}
        status={cellData}
        summary="Reply"
        onApprove={() => patchStatus(url, 'approved')}
        onPosted={() => router.refresh()}
      />
    </div>
  )
}
