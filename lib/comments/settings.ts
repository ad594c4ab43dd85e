import type { Payload } from 'payload'

import type { Discussion } from '@/payload-types'
import type { Settings } from './rules'

export type DiscussionSettings = Settings & {
  threadDepth: number
  perPage: number
  order: 'oldest' | 'newest'
  perIpPerHour: number
  reportThreshold: number
}

const lines = (text: string | null | undefined) =>
  (text ?? '')
    .split('\n')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean)

export function toSettings(d: Partial<Discussion>): DiscussionSettings {
  return {
    commentsEnabled: d.commentsEnabled ?? true,
    closeAfterDays: d.closeAfterDays ?? 0,
    requireNameEmail: d.requireNameEmail ?? true,
    manualApproval: d.manualApproval ?? true,
    trustApprovedAuthors: d.trustApprovedAuthors ?? true,
    holdLinkCount: d.holdLinkCount ?? 2,
    moderationWords: lines(d.moderationWords),
    disallowedWords: lines(d.disallowedWords),
    minSecondsToSubmit: d.minSecondsToSubmit ?? 3,
    requireLogin: d.requireLogin ?? false,
    trustAfterApproved: d.trustAfterApproved ?? 1,
    threadDepth: d.threadDepth ?? 3,
    perPage: d.perPage ?? 50,
    order: d.order === 'newest' ? 'newest' : 'oldest',
    perIpPerHour: d.perIpPerHour ?? 20,
    reportThreshold: d.reportThreshold ?? 3,
  }
}

export async function loadSettings(payload: Payload): Promise<DiscussionSettings> {
  return toSettings(await payload.findGlobal({ slug: 'discussion', overrideAccess: false, depth: 0 }))
}
