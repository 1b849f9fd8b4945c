import type { CollectionBeforeChangeHook } from 'payload'

import type { Post } from '@/payload-types'

/**
 * Fills the dates editors would otherwise forget: the publication date on first publish and the
 * archive date when a post is archived. Archiving also closes the post's comments.
 */
export const stampPublicationAndArchive: CollectionBeforeChangeHook<Post> = ({
  data,
  originalDoc,
}) => {
  const now = new Date().toISOString()
  if (data._status === 'published' && !data.publishedAt) data.publishedAt = now

  const archived = data.archived ?? originalDoc?.archived ?? false
  if (archived && !(data.archivedAt ?? originalDoc?.archivedAt)) data.archivedAt = now
  if (!archived && data.archived === false) data.archivedAt = null

  if (
    archived &&
    !originalDoc?.archived &&
    (data.commentStatus ?? originalDoc?.commentStatus) !== 'closed'
  ) {
    data.commentStatus = 'closed'
    data.commentsClosedReason ??= 'The post was archived.'
  }
  return data
}
