import type { Endpoint } from 'payload'

import { badRequest, errorResponse } from '@/api/errorResponse'
import { readJsonObject } from '@/api/readJsonObject'
import { requireRole } from '@/api/requireRole'
import { moderateMatching } from '@/comments/queue/moderateMatching'
import { moderateOne } from '@/comments/queue/moderateOne'
import { parseQueueFilter } from '@/comments/queue/queueFilter'
import { MODERATION_ACTIONS, type ModerationAction } from '@/comments/rules/moderationActions'

const MAX_IDS = 500
const REASON_MAX = 500

/**
 * POST /api/comments/moderate  { ids: [...], action, reason? }
 *                           or { matching: { status, q?, post?, before }, action, reason? }
 * Approve, unapprove, spam, not-spam, trash or restore one comment, a selection, or every comment
 * of a queue filter ("select all matching"): that one is done in bounded batches on the server
 * and answers how many remain, for the caller to ask again. `before` is required there: the
 * moderator confirmed a count, and comments arriving since are not part of it.
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
    const { ids, matching, action, reason } = body
    if (!MODERATION_ACTIONS.includes(action as ModerationAction)) {
      return badRequest(`action must be one of ${MODERATION_ACTIONS.join(', ')}`, 'action')
    }
    if (reason != null && (typeof reason !== 'string' || reason.length > REASON_MAX)) {
      return badRequest(`reason must be text of at most ${REASON_MAX} characters`, 'reason')
    }
    const why = typeof reason === 'string' ? reason : undefined
    if (matching !== undefined) {
      if (ids !== undefined) return badRequest('Send either ids or matching, not both', 'matching')
      if (!matching || typeof matching !== 'object' || Array.isArray(matching)) {
        return badRequest('matching must be an object: { status, q, post, before }', 'matching')
      }
      const { filter, errors } = parseQueueFilter(matching as Record<string, unknown>)
      if (errors.length) return badRequest(errors[0].message, `matching.${errors[0].path}`)
      if (!filter.before) {
        return badRequest(
          'matching.before is required: the time the moderator saw the count',
          'matching.before',
        )
      }
      const result = await moderateMatching(req, filter, action as ModerationAction, why)
      return Response.json(result, {
        status: result.results.length || !result.errors.length ? 200 : 400,
      })
    }
    if (
      !Array.isArray(ids) ||
      ids.length === 0 ||
      ids.length > MAX_IDS ||
      !ids.every((id) => typeof id === 'string' || typeof id === 'number')
    ) {
      return badRequest(`ids must be a list of 1 to ${MAX_IDS} comment ids`, 'ids')
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
      const outcome = await moderateOne(req, comment, action as ModerationAction, why)
      if ('done' in outcome) results.push(outcome.done)
      else errors.push(outcome.failed)
    }
    return Response.json(
      { results, errors },
      { status: results.length || !errors.length ? 200 : 400 },
    )
  },
}
