import { readHeldCommentIds, HELD_COOKIE_MAX_IDS } from '@/comments/held/heldCommentsCookie'
import type { HeldComment } from '@/comments/held/placeHeldComments'
import { idOf, type Id } from '@/lib/idOf'

import { COMMENT_FIELDS, toThreadComment } from './comments'
import { getPayloadClient } from './getPayloadClient'

/**
 * The comments on `postId` that this browser's held-comments cookie lists and that are still
 * pending: never spam or trash, and an approved one shows in the thread as any other. One query
 * of at most HELD_COOKIE_MAX_IDS comments, none without a valid cookie; never cached, as the
 * answer belongs to one browser. The ids come only from a cookie we signed, so reading past
 * readers' access rules shows a reader nothing but what they wrote themselves.
 */
export async function loadHeldComments(
  postId: Id,
  cookieValue: string | undefined,
): Promise<HeldComment[]> {
  const payload = await getPayloadClient()
  const ids = readHeldCommentIds(cookieValue, payload.secret)
  if (ids.length === 0) return []
  const { docs } = await payload.find({
    collection: 'comments',
    where: {
      id: { in: ids },
      post: { equals: postId },
      status: { equals: 'pending' },
    },
    select: { ...COMMENT_FIELDS, thread: true },
    sort: ['createdAt', 'id'],
    limit: HELD_COOKIE_MAX_IDS,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.map((doc) => ({ ...toThreadComment(doc), thread: idOf(doc.thread) }))
}
