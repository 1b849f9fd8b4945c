import { hasRole } from '@/access/roles'
import { rejectFieldChanges } from '@/cms/rejectFieldChanges'

/**
 * The public title signs the agency's replies to readers, so an admin sets it, as a role: a
 * staff member cannot give themselves a title (403 naming the field, nothing written).
 */
export const rejectTitleChange = rejectFieldChanges({
  fields: ['title'],
  allowed: (user) => hasRole(user, 'admin'),
  message: 'Only an admin can change a public title',
})
