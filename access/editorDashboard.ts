import { hasRole } from './roles'

/** The editors' dashboard (own drafts, scheduled articles, comments on own articles): whoever writes. */
export const mayUseEditorDashboard = (user: Parameters<typeof hasRole>[0]): boolean => hasRole(user, 'admin', 'editor')
