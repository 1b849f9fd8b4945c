import type { Payload } from 'payload'

import type { Post } from '@/payload-types'

export type ThreadFields = Pick<
  Post,
  'commentStatus' | 'commentsClosedAt' | 'commentsClosedBy' | 'commentsClosedReason'
>

/**
 * Changes only a post's discussion fields, leaving its content and publication as they are.
 *
 * A plain payload.update() starts from the post's latest version, so on a published post with a
 * newer unpublished draft it would publish that draft. Instead the published document is saved
 * again with its own content, then the pending draft is saved on top, both with the new fields.
 */
export async function updateThreadFields(
  payload: Payload,
  id: number | string,
  fields: ThreadFields,
): Promise<Post> {
  const published = await payload.findByID({ collection: 'posts', id, depth: 0, draft: false })
  const latest = await payload.findByID({ collection: 'posts', id, depth: 0, draft: true })
  const pendingDraft = published._status === 'published' && latest._status === 'draft'

  if (!pendingDraft) {
    return payload.update({ collection: 'posts', id, depth: 0, data: fields })
  }
  const { id: _id, createdAt: _c, updatedAt: _u, ...publishedData } = published
  const updated = await payload.update({
    collection: 'posts',
    id,
    depth: 0,
    draft: false,
    data: { ...publishedData, ...fields, _status: 'published' },
  })
  const { id: _dId, createdAt: _dc, updatedAt: _du, ...draftData } = latest
  await payload.update({
    collection: 'posts',
    id,
    depth: 0,
    draft: true,
    data: { ...draftData, ...fields, _status: 'draft' },
  })
  return updated
}
