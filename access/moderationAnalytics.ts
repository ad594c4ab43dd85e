import type { Access } from 'payload'

import { hasRole, type Role } from './roles'

type MaybeUser = Parameters<typeof hasRole>[0]

/**
 * Moderation analytics (decisions per moderator, precision of the automatic verdict): the people
 * who moderate, admins and moderators. Editors and readers are refused, in the view and in
 * lib/analytics/moderation.ts itself.
 */
export const ANALYTICS_ROLES: Role[] = ['admin', 'moderator']

export const mayReadModerationAnalytics = (user: MaybeUser): boolean => hasRole(user, ...ANALYTICS_ROLES)

export const moderationAnalyticsAccess: Access = ({ req: { user } }) => mayReadModerationAnalytics(user)
