import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Admins and moderators: they see every comment with its private fields and change its status. */
export const moderators: Access = ({ req: { user } }) => hasRole(user, 'admin', 'moderator')

export const moderatorsField: FieldAccess = ({ req: { user } }) =>
  hasRole(user, 'admin', 'moderator')
