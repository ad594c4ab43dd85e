import type { CollectionConfig } from 'payload'

import { admins } from '@/access/admins'
import { adminsOrSelf } from '@/access/adminsOrSelf'
import { hasRole, isStaff, ROLES } from '@/access/roles'
import { staffField } from '@/access/staffField'
import { staffReadUsers } from '@/access/staffReadUsers'
import { serverUrl } from '@/lib/env.mjs'
import { guardStaffLogin, forgetLoginFailures } from '@/lib/security/staffLogin'
import { slugField } from '@/fields/slug'
import { revalidateAuthor } from './hooks/revalidateAuthor'
import { authorSlug } from './hooks/authorSlug'
import { importIdField } from '@/fields/importId'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

/** Staff accounts for /admin. Readers have their own collection and sign-in. */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: {
    // Payload's own lock (5 failures lock the account for everyone, the owner included) is off:
    // lib/security/staffLogin.ts backs off per address and account instead.
    maxLoginAttempts: 0,
    cookies: { secure: serverUrl().startsWith('https:'), sameSite: 'Lax' },
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
    afterChange: [revalidateAuthor],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    // Payload's own email field, merged with this: readers may see authors' profiles, never emails.
    { name: 'email', type: 'email', required: true, access: { read: staffField } },
    // The public author page (/authors/<slug>): readers see name, slug, bio and photo of the
    // authors of published articles (access/staffReadUsers.ts); email and roles stay with staff.
    {
      ...slugField('name'),
      hooks: { beforeValidate: [authorSlug] },
      admin: {
        position: 'sidebar',
        description: 'The author page is /authors/<slug>. Left empty, it is made from the name.',
      },
    },
    { name: 'bio', type: 'textarea', maxLength: 1000, admin: { description: 'Shown on the author page.' } },
    { name: 'photo', type: 'upload', relationTo: 'media', admin: { description: 'Shown on the author page.' } },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      saveToJWT: true,
      access: {
        read: staffField,
        // Only an admin grants roles, and never to themselves: nobody raises their own role.
        create: ({ req: { user } }) => hasRole(user, 'admin'),
        update: ({ req: { user }, id }) => hasRole(user, 'admin') && String(user?.id) !== String(id),
      },
    },
    importIdField('WordPress author login'),
  ],
}
