import type { CollectionBeforeDeleteHook } from 'payload'

import { detachReplies } from '@/comments/queries/detachReplies'

/**
 * A deleted comment's replies stay: they become top-level, in the same transaction. The retention
 * purge detaches a whole batch at once before deleting it.
 */
export const detachRepliesBeforeDelete: CollectionBeforeDeleteHook = async ({
  id,
  req,
  context,
}) => {
  if (!context.purge) await detachReplies(req, [id])
}
