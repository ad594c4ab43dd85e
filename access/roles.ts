import type { User } from '@/payload-types'

export const ROLES = ['admin', 'editor', 'moderator'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = Pick<User, 'roles'> | null | undefined

export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean =>
  Boolean(user?.roles?.some((role) => roles.includes(role as Role)))

export const isStaff = (user: MaybeUser): boolean => hasRole(user, ...ROLES)
