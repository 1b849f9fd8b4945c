import type { CollectionBeforeChangeHook } from 'payload'

import type { Comment } from '@/payload-types'

const VERBS: Record<string, string> = {
  approved: 'Approved',
  pending: 'Returned to pending',
  spam: 'Marked as spam',
  trash: 'Moved to trash',
}

/**
 * On a status change: remembers the status it replaced (so "restore" and "not spam" can return to
 * it), when it changed, and why: the reason given with the action, else who made it.
 */
export const trackStatusChange: CollectionBeforeChangeHook<Comment> = ({
  data,
  operation,
  originalDoc,
  req,
  context,
}) => {
  if (operation !== 'update' || !originalDoc || !data.status) return data
  if (data.status === originalDoc.status) return data
  data.previousStatus = originalDoc.status
  data.statusChangedAt = new Date().toISOString()
  const given = typeof context.statusReason === 'string' ? context.statusReason.trim() : ''
  const sentWithUpdate =
    typeof data.statusReason === 'string' && data.statusReason !== originalDoc.statusReason
      ? data.statusReason.trim()
      : ''
  const who = req.user ? ` by ${req.user.email}` : ''
  data.statusReason = given || sentWithUpdate || `${VERBS[data.status] ?? 'Changed'}${who}`
  return data
}
