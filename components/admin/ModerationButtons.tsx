'use client'
import { Button } from '@payloadcms/ui'

import type { QueueStatus } from './moderation'

export type ModerationAction = { status: QueueStatus; label: string }

/** Approve / spam / trash buttons, for one row or for the selected rows. */
export function ModerationButtons(props: {
  actions: ModerationAction[]
  busy: boolean
  size: 'small' | 'xsmall'
  onPick: (status: QueueStatus) => void
}) {
  return props.actions.map((action) => (
    <Button
      key={action.status}
      buttonStyle={action.status === 'approved' ? 'primary' : 'secondary'}
      size={props.size}
      margin={false}
      disabled={props.busy}
      onClick={() => props.onPick(action.status)}
    >
      {action.label}
    </Button>
  ))
}
