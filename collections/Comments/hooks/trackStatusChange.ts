import type { CollectionBeforeChangeHook } from 'payload'

import { staffUser } from '@/access/roles'
import type { Comment } from '@/payload-types'

const VERBS: Record<string, string> = {
  approved: 'Approved',
  pending: 'Returned to pending',
  spam: 'Marked as spam',
  trash: 'Moved to trash',
}

/**
 * On a status change: remembers the status it replaced (so "restore" and "not spam" can return to
 * it), when it changed, why (the reason sent with the change, else who made it), and which rule
 * or job made it (none when a staff member did).
 */
export const trackStatusChange: CollectionBeforeChangeHook<Comment> = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc || !data.status) return data
  if (data.status === originalDoc.status) return data
  const user = staffUser(req)
  data.previousStatus = originalDoc.status
  data.statusChangedAt = new Date().toISOString()
  data.statusRule = user ? null : (data.statusRule ?? 'system')
  // The admin's edit form sends the old reason back unchanged: only a new one is a reason given.
  const given =
    typeof data.statusReason === 'string' && data.statusReason !== originalDoc.statusReason
      ? data.statusReason.trim()
      : ''
  data.statusReason =
    given || `${VERBS[data.status] ?? 'Changed'}${user ? ` by ${user.email}` : ''}`
  return data
}
