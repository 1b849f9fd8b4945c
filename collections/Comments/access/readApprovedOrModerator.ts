import type { Access } from 'payload'

import { hasRole } from '@/access/roles'

/** Moderators and admins see every comment; everyone else, approved comments only. */
export const readApprovedOrModerator: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'moderator')) return true
  return { status: { equals: 'approved' } }
}
