import type { Payload } from 'payload'

import type { User } from '@/payload-types'

export type Role = 'admin' | 'editor' | 'moderator'
export const PASSWORD = 'correct-horse-battery-staple'

/** One staff account per role (made with overrideAccess, as a seed would). */
export async function createStaff(payload: Payload): Promise<Record<Role, User>> {
  const make = (role: Role) =>
    payload.create({
      collection: 'users',
      data: { email: `${role}-${Date.now()}@example.test`, name: `Test ${role}`, roles: [role], password: PASSWORD },
      overrideAccess: true,
      context: { disableRevalidate: true },
    })
  const admin = await make('admin')
  const editor = await make('editor')
  const moderator = await make('moderator')
  return { admin, editor, moderator }
}
