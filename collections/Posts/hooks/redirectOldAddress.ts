import type { CollectionAfterChangeHook } from 'payload'

import type { Post } from '@/payload-types'
import { followSlugChange } from '@/redirects/followSlugChange'

/**
 * A published post's old address keeps working: publishing it at a new slug adds a redirect from
 * the slug it was last published at (see followSlugChange). Draft saves change no address. Posts
 * published before `publishedSlug` existed fall back on the previous document's slug.
 */
export const redirectOldAddress: CollectionAfterChangeHook<Post> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (doc._status !== 'published' || !doc.slug) return doc
  const previousSlug =
    previousDoc?.publishedSlug ?? (previousDoc?._status === 'published' ? previousDoc.slug : null)
  await followSlugChange(req, {
    postId: doc.id,
    slug: doc.slug,
    previousSlug: previousSlug ?? null,
  })
  return doc
}
