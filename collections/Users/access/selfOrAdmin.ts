import type { Access } from 'payload'

import { hasRole } from '@/access/roles'

/** Admins see and change every account; everyone else only their own. */
export const selfOrAdmin: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { id: { equals: user.id } }
}
