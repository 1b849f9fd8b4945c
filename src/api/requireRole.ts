import { type PayloadRequest } from 'payload'

import { hasRole, staffUser, type Role } from '@/access/roles'
import type { User } from '@/payload-types'
import { RequestRefused } from '@/api/requestRefused'

const PLURAL: Record<Role, string> = {
  admin: 'admins',
  editor: 'editors',
  author: 'authors',
  moderator: 'moderators',
}

function list(roles: Role[]): string {
  const names = roles.map((role) => PLURAL[role])
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]
}

/**
 * The role check of every staff endpoint: 401 for a visitor, 403 for staff in another role, each
 * with a message naming what was refused ("Only moderators and admins can moderate comments").
 * Returns the staff member.
 */
export function requireRole(req: PayloadRequest, roles: Role[], action: string): User {
  const user = staffUser(req)
  if (!user) throw new RequestRefused(`You must be signed in to ${action}`, 401)
  if (!hasRole(user, ...roles)) {
    throw new RequestRefused(`Only ${list(roles)} can ${action}`, 403)
  }
  return user
}
