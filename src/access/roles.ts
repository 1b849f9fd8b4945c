import type { User } from '@/payload-types'

export const ROLES = ['admin', 'editor', 'author', 'moderator'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = Pick<User, 'role'> | null | undefined

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  return Boolean(user && roles.includes(user.role))
}

/** The signed-in staff user of a request, or null (anonymous, or another auth collection). */
export function staffUser(req: { user?: unknown }): User | null {
  const user = req.user as (User & { collection?: string }) | null | undefined
  return user && user.collection === 'users' ? user : null
}
