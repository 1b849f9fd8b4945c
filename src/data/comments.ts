import { cached } from '@/data/cached'
import { CACHE_TAGS } from '@/runtime/cacheTags'
import { idOf } from '@/lib/idOf'
import type { ThreadComment } from '@/comments/rules/buildThread'

import { getPayloadClient } from './getPayloadClient'

/** A post's approved comments, oldest first, read with readers' access rights in one query. */
export const listApprovedComments = cached(
  'listApprovedComments',
  (postId: number | string) => [CACHE_TAGS.commentsOf(postId)],
  async (postId: number | string): Promise<ThreadComment[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'comments',
      overrideAccess: false,
      user: null,
      where: { post: { equals: postId }, status: { equals: 'approved' } },
      pagination: false,
      depth: 0,
      sort: 'createdAt',
      select: { parent: true, authorName: true, authorUrl: true, body: true, createdAt: true },
    })
    return docs.map((doc) => ({
      id: doc.id,
      parent: idOf(doc.parent),
      authorName: doc.authorName,
      authorUrl: doc.authorUrl ?? null,
      body: doc.body,
      createdAt: doc.createdAt,
    }))
  },
)
