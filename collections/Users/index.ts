import type { CollectionConfig } from 'payload'

import { admins } from '@/access/admins'
import { adminsOrSelf } from '@/access/adminsOrSelf'
import { hasRole, isStaff, ROLES } from '@/access/roles'
import { staffReadUsers } from '@/access/staffReadUsers'
import { serverUrl } from '@/lib/env'
import { guardStaffLogin, forgetLoginFailures } from '@/lib/security/staffLogin'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

/** Staff accounts for /admin. Readers have their own collection and sign-in. */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: {
    // Payload's own lock (5 failures lock the account for everyone, the owner included) is off:
    // lib/security/staffLogin.ts backs off per address and account instead.
    maxLoginAttempts: 0,
    cookies: { secure: serverUrl.startsWith('https:'), sameSite: 'Lax' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
  },
  access: {
    admin: ({ req: { user } }) => isStaff(user),
    create: admins,
    read: staffReadUsers,
    update: adminsOrSelf,
    delete: admins,
  },
  hooks: {
    beforeChange: [makeFirstUserAdmin],
    beforeOperation: [guardStaffLogin],
    afterLogin: [forgetLoginFailures],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      saveToJWT: true,
      access: {
        // Only an admin grants roles, and never to themselves: nobody raises their own role.
        create: ({ req: { user } }) => hasRole(user, 'admin'),
        update: ({ req: { user }, id }) => hasRole(user, 'admin') && String(user?.id) !== String(id),
      },
    },
  ],
}
