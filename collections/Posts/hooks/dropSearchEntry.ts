import type { CollectionAfterDeleteHook } from 'payload'

import type { Post } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'

/** A deleted post leaves the site search (its row is gone, so the refresh removes the entry). */
export const dropSearchEntry: CollectionAfterDeleteHook<Post> = async ({ doc, req }) => {
  await runtimeOf(req.payload).search.refreshPosts(req, [doc.id])
  return doc
}
