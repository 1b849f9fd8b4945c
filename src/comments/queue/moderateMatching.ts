import type { PayloadRequest } from 'payload'

import type { ModerationAction } from '@/comments/rules/moderationActions'
import { yieldToEventLoop } from '@/lib/yieldToEventLoop'

import { moderateOne } from './moderateOne'
import type { QueueFilter } from './queueFilter'
import { actionableWhere } from './queueWhere'

type Id = number | string

/** Comments read per query, and changed per request: the caller asks again for the rest. */
export const MATCHING_BATCH = 100
export const MATCHING_PER_REQUEST = 500

export type MatchingResult = {
  results: { id: Id; status: string }[]
  errors: { id: Id; message: string }[]
  /** Comments of the filter the action would still change (the caller repeats while > 0). */
  remaining: number
}

/**
 * "Select all N matching": the action on every comment of a filter, decided here and never as a
 * list of ids in the browser. Batches of MATCHING_BATCH, at most MATCHING_PER_REQUEST per
 * request; each comment goes through moderateOne, so each change is audited like a single one.
 * Only comments the action changes are read, so each batch moves forward; one that is refused
 * is skipped for the rest of the request.
 */
export async function moderateMatching(
  req: PayloadRequest,
  filter: QueueFilter,
  action: ModerationAction,
  reason: string | undefined,
  limits = { batch: MATCHING_BATCH, perRequest: MATCHING_PER_REQUEST },
): Promise<MatchingResult> {
  const where = actionableWhere(filter, action)
  const results: MatchingResult['results'] = []
  const errors: MatchingResult['errors'] = []
  const refused = new Set<Id>()
  while (results.length + errors.length < limits.perRequest) {
    const { docs } = await req.payload.find({
      collection: 'comments',
      where: refused.size ? { and: [where, { id: { not_in: [...refused] } }] } : where,
      sort: 'createdAt',
      limit: Math.min(limits.batch, limits.perRequest - results.length - errors.length),
      depth: 0,
      pagination: false,
      select: { status: true, previousStatus: true },
      overrideAccess: false,
      user: req.user,
      req,
    })
    if (!docs.length) break
    for (const comment of docs) {
      const outcome = await moderateOne(req, comment, action, reason)
      if ('done' in outcome) results.push(outcome.done)
      else {
        errors.push(outcome.failed)
        refused.add(comment.id)
      }
      // Seconds of work for 500 comments: other requests are answered between them.
      await yieldToEventLoop()
    }
  }
  const { totalDocs: remaining } = await req.payload.count({
    collection: 'comments',
    where,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return { results, errors, remaining }
}
