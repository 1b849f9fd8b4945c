import type { User } from '@/payload-types'

export const ROLES = ['admin', 'editor', 'author', 'moderator'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = Pick<User, 'role'> | null | undefined

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  return Boolean(user && roles.includes(user.role))
}
