import type { Access } from 'payload'

import { hasRole } from './roles'

export const admins: Access = ({ req: { user } }) => hasRole(user, 'admin')
