import type { CollectionConfig } from 'payload'

import { admins } from '@/access/admins'
import { adminsOrSelf } from '@/access/adminsOrSelf'
import { hasRole, isStaff, ROLES } from '@/access/roles'
import { staffReadUsers } from '@/access/staffReadUsers'
import { importIdField } from '@/fields/importId'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

/** Staff accounts for /admin. Readers have their own collection and sign-in. */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: true,
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
    importIdField('WordPress author login'),
  ],
}
