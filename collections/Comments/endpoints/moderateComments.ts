import type { Endpoint } from 'payload'

import { badRequest, errorResponse, refusalOf } from '@/api/errorResponse'
import { readJsonObject } from '@/api/readJsonObject'
import { requireRole } from '@/api/requireRole'
import {
  MODERATION_ACTIONS,
  statusAfter,
  type ModerationAction,
} from '@/comments/rules/moderationActions'

const MAX_IDS = 500
const REASON_MAX = 500

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
    let body: Record<string, unknown>
    try {
      requireRole(req, ['moderator', 'admin'], 'moderate comments')
      body = await readJsonObject(req)
    } catch (error) {
      return errorResponse(error)
    }
    const { ids, action, reason } = body
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
          data: {
            status: next.status,
            ...(typeof reason === 'string' && reason.trim() ? { statusReason: reason } : {}),
          },
          req,
          overrideAccess: false,
          depth: 0,
        })
        results.push({ id: updated.id, status: updated.status })
      } catch (error) {
        const refusal = refusalOf(error)
        if (!refusal) throw error
        errors.push({ id, message: refusal.body.errors[0]?.message ?? 'Failed' })
      }
    }
    return Response.json(
      { results, errors },
      { status: results.length || !errors.length ? 200 : 400 },
    )
  },
}
