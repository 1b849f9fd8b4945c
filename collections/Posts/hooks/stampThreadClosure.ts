import type { CollectionBeforeChangeHook } from 'payload'

import type { Post } from '@/payload-types'

/**
 * Records when and by whom a thread was closed; reopening clears the record. The admin's form
 * sends its read-only "closed by" field back empty (null): that is no value, and the staff member
 * saving is recorded. An import names the original closer, which is kept.
 */
export const stampThreadClosure: CollectionBeforeChangeHook<Post> = ({
  data,
  originalDoc,
  req,
}) => {
  const before = originalDoc?.commentStatus ?? 'open'
  const after = data.commentStatus ?? before
  if (after === 'closed' && before !== 'closed') {
    data.commentsClosedAt ??= new Date().toISOString()
    data.commentsClosedBy ??= req.user?.id ?? null
  }
  if (after === 'open' && before === 'closed') {
    data.commentsClosedAt = null
    data.commentsClosedBy = null
    data.commentsClosedReason = null
  }
  return data
}
