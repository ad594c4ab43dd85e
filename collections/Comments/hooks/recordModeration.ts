import type { CollectionBeforeChangeHook } from 'payload'
import { now } from '@/lib/clock'

/** A staff member changing the status is recorded as the moderator, with the time. */
export const recordModeration: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !req.user || data.status === undefined || data.status === originalDoc?.status)
    return data
  return { ...data, moderatedBy: req.user.id, moderatedAt: now().toISOString() }
}
