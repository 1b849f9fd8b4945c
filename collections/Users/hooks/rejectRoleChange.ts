import { hasRole } from '@/access/roles'
import { rejectFieldChanges } from '@/cms/rejectFieldChanges'

/** Nobody but an admin sets or changes a role, their own included. */
export const rejectRoleChange = rejectFieldChanges({
  fields: ['role'],
  allowed: (user) => hasRole(user, 'admin'),
  message: 'Only an admin can change a role',
})
