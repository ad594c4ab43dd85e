import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins and editors: the people who write and publish. */
export const editors: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
