import type { Access } from 'payload'

import { hasRole } from '@/access/roles'

/** Admins, editors and authors start posts. */
export const canCreatePosts: Access = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor', 'author')

/** Editors and admins edit any post; an author edits the posts they created. */
export const canUpdatePosts: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin', 'editor')) return true
  if (hasRole(user, 'author')) return { createdBy: { equals: user.id } }
  return false
}
