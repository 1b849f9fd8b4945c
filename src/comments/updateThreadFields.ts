import type { PayloadRequest } from 'payload'

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
 * The request's user is recorded as the one who acted (audit trail), with `reason`.
 */
export async function updateThreadFields(
  req: PayloadRequest,
  id: number | string,
  fields: ThreadFields,
  reason: string | null = null,
): Promise<Post> {
  const { payload } = req
  // The endpoint has checked the caller's role; the post's field guards need not check it again.
  const context = { threadReason: reason, trustedServerChange: true }
  const published = await payload.findByID({ collection: 'posts', id, depth: 0, draft: false, req })
  const latest = await payload.findByID({ collection: 'posts', id, depth: 0, draft: true, req })
  const pendingDraft = published._status === 'published' && latest._status === 'draft'

  if (!pendingDraft) {
    return payload.update({ collection: 'posts', id, depth: 0, data: fields, req, context })
  }
  const { id: _id, createdAt: _c, updatedAt: _u, ...publishedData } = published
  const updated = await payload.update({
    collection: 'posts',
    id,
    depth: 0,
    draft: false,
    data: { ...publishedData, ...fields, _status: 'published' },
    req,
    context,
  })
  const { id: _dId, createdAt: _dc, updatedAt: _du, ...draftData } = latest
  await payload.update({
    collection: 'posts',
    id,
    depth: 0,
    draft: true,
    data: { ...draftData, ...fields, _status: 'draft' },
    req,
    context,
  })
  return updated
}
