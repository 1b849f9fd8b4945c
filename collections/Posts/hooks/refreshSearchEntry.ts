import type { CollectionAfterChangeHook } from 'payload'

import type { Post } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'

/**
 * Keeps the post's site-search entry in line with what readers see, in the write's transaction:
 * published, edited while published, unpublished or archived. The index reads the post's
 * published row, so a draft saved over a published post leaves its entry as it was.
 */
export const refreshSearchEntry: CollectionAfterChangeHook<Post> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (doc._status === 'published' || previousDoc?._status === 'published') {
    await runtimeOf(req.payload).search.refreshPosts(req, [doc.id])
  }
  return doc
}
