import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import { hasRole } from '@/access/roles'
import { badRequest, commentErrorResponse } from '@/comments/errorResponse'
import {
  MODERATION_ACTIONS,
  statusAfter,
  type ModerationAction,
} from '@/comments/moderationActions'
import type { User } from '@/payload-types'

const MAX_IDS = 500
const REASON_MAX = 500

/**
 * The start of every moderator endpoint: 401/403 for others, 400 for a body that is not JSON.
 * Null when the request may go on, with its body in `req.data`.
 */
export async function acceptModeratorJson(req: PayloadRequest): Promise<Response | null> {
  const refused = refuseNonModerators(req)
  if (refused) return refused
  try {
    await addDataAndFileToRequest(req)
  } catch {
    return badRequest('Send a JSON object.')
  }
  return null
}

export function refuseNonModerators(req: PayloadRequest): Response | null {
  if (!req.user) {
    return Response.json({ errors: [{ message: 'You must be signed in' }] }, { status: 401 })
  }
  if (!hasRole(req.user as User, 'admin', 'moderator')) {
    return Response.json(
      { errors: [{ message: 'Only moderators and admins can moderate comments' }] },
      { status: 403 },
    )
  }
  return null
}

/**
 * POST /api/comments/moderate  { ids: [...], action, reason? }
 * Approve, unapprove, spam, not-spam, trash or restore one comment or a selection. Each change goes
 * through Payload's update with the moderator's access, so the audit trail, the cache and (with
 * Akismet) the spam reports follow from the collection's hooks.
 */
export const moderateComments: Endpoint = {
  path: '/moderate',
  method: 'post',
  handler: async (req) => {
    const refused = await acceptModeratorJson(req)
    if (refused) return refused
    const { ids, action, reason } = (req.data ?? {}) as Record<string, unknown>
    if (!MODERATION_ACTIONS.includes(action as ModerationAction)) {
      return badRequest(`action must be one of ${MODERATION_ACTIONS.join(', ')}`, 'action')
    }
    if (
      !Array.isArray(ids) ||
      ids.length === 0 ||
      ids.length > MAX_IDS ||
      !ids.every((id) => typeof id === 'string' || typeof id === 'number')
    ) {
      return badRequest(`ids must be a list of 1 to ${MAX_IDS} comment ids`, 'ids')
    }
    if (reason != null && (typeof reason !== 'string' || reason.length > REASON_MAX)) {
      return badRequest(`reason must be text of at most ${REASON_MAX} characters`, 'reason')
    }
    const results: { id: number | string; status: string }[] = []
    const errors: { id: number | string; message: string }[] = []
    for (const id of ids as (number | string)[]) {
      const comment = await req.payload
        .findByID({ collection: 'comments', id, depth: 0, req, disableErrors: true })
        .catch(() => null)
      if (!comment) {
        errors.push({ id, message: 'Comment not found' })
        continue
      }
      const next = statusAfter(action as ModerationAction, comment)
      if ('refused' in next) {
        errors.push({ id, message: next.refused })
        continue
      }
      if (next.status === comment.status) {
        results.push({ id: comment.id, status: comment.status })
        continue
      }
      try {
        const updated = await req.payload.update({
          collection: 'comments',
          id: comment.id,
          data: { status: next.status },
          req,
          overrideAccess: false,
          depth: 0,
          context: { statusReason: typeof reason === 'string' ? reason : undefined },
        })
        results.push({ id: updated.id, status: updated.status })
      } catch (error) {
        const response = commentErrorResponse(error)
        const body = (await response.json()) as { errors: { message: string }[] }
        errors.push({ id, message: body.errors[0]?.message ?? 'Failed' })
      }
    }
    return Response.json(
      { results, errors },
      { status: results.length || !errors.length ? 200 : 400 },
    )
  },
}
