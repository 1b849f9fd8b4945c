import { type CollectionBeforeChangeHook } from 'payload'

import { hasRole } from '@/access/roles'
import type { Post } from '@/payload-types'
import { RequestRefused } from '@/api/requestRefused'

/**
 * Authors write; editors publish. An author's save must be a draft, so nothing an author writes
 * reaches readers before an editor has published it.
 */
export const rejectPublishingByAuthors: CollectionBeforeChangeHook<Post> = ({ data, req }) => {
  if (hasRole(req.user, 'author') && data._status === 'published') {
    throw new RequestRefused(
      'Authors cannot publish: save your changes as a draft and ask an editor to publish them',
      403,
    )
  }
  return data
}
