import type { Access } from 'payload'

import { isStaff } from './roles'

export const staff: Access = ({ req: { user } }) => isStaff(user)
