import type { CollectionBeforeChangeHook } from 'payload'

import type { Post } from '@/payload-types'

/** Remembers which account started a post: authors may edit only their own. */
export const setCreatedBy: CollectionBeforeChangeHook<Post> = ({ data, operation, req }) => {
  if (operation === 'create' && req.user && !data.createdBy) data.createdBy = req.user.id
  return data
}
