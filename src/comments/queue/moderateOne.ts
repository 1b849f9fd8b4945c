import type { PayloadRequest } from 'payload'

import { refusalOf } from '@/api/errorResponse'
import { statusAfter, type ModerationAction } from '@/comments/rules/moderationActions'
import type { Comment } from '@/payload-types'

type Id = number | string
export type ModerationOutcome =
  { done: { id: Id; status: string } } | { failed: { id: Id; message: string } }

/**
 * One comment's moderation, through Payload's update with the moderator's access, so the audit
 * trail, the cache and (with Akismet) the spam reports follow from the collection's hooks. A
 * refusal (the action does not apply, access, validation) is an outcome, not an exception.
 */
export async function moderateOne(
  req: PayloadRequest,
  comment: Pick<Comment, 'id' | 'status' | 'previousStatus'>,
  action: ModerationAction,
  reason: string | undefined,
): Promise<ModerationOutcome> {
  const next = statusAfter(action, comment)
  if ('refused' in next) return { failed: { id: comment.id, message: next.refused } }
  if (next.status === comment.status) return { done: { id: comment.id, status: comment.status } }
  try {
    const updated = await req.payload.update({
      collection: 'comments',
      id: comment.id,
      data: { status: next.status, ...(reason?.trim() ? { statusReason: reason } : {}) },
      req,
      overrideAccess: false,
      depth: 0,
    })
    return { done: { id: updated.id, status: updated.status } }
  } catch (error) {
    const refusal = refusalOf(error)
    if (!refusal) throw error
    return { failed: { id: comment.id, message: refusal.body.errors[0]?.message ?? 'Failed' } }
  }
}
