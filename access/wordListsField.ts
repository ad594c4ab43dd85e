import type { FieldAccess } from 'payload'

import { hasRole } from './roles'

/**
 * Field-level read of the moderation and disallowed word lists: moderators and admins, and the
 * server's own comment rules (an anonymous Local API read: lib/comments/settings.ts). REST and
 * GraphQL callers, editors included, never see them, so a spammer cannot read what to avoid.
 */
export const wordListsField: FieldAccess = ({ req }) =>
  hasRole(req.user, 'admin', 'moderator') || (!req.user && req.payloadAPI === 'local')
