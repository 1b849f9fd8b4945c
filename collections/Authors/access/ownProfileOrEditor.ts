import type { Access } from 'payload'

import { hasRole } from '@/access/roles'

/** Editors and admins edit every profile; a staff member edits the profile linked to them. */
export const ownProfileOrEditor: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin', 'editor')) return true
  return { user: { equals: user.id } }
}
