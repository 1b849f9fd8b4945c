import { type PayloadRequest } from 'payload'

import { takeFloodTurn, type FloodTurn } from '@/comments/submission/floodTurn'
import { COMMENT_MESSAGES as M } from '@/comments/rules/messages'

import type { Accepted, Submitter } from './types'
import { RequestRefused } from '@/api/requestRefused'

/**
 * The second stage: the same comment twice (409), or a reader's second comment from one address
 * within the flood interval of the settings (429 with Retry-After). Staff are not limited. Returns
 * the address's turn it took, for the pipeline to give back if the comment is not stored.
 */
export async function guardSubmission(
  req: PayloadRequest,
  { post, fields, settings }: Accepted,
  submitter: Submitter,
): Promise<FloodTurn> {
  const { payload } = req
  const duplicate = await payload.find({
    collection: 'comments',
    where: {
      post: { equals: post.id },
      authorEmail: { equals: fields.authorEmail },
      body: { equals: fields.body },
      status: { not_equals: 'trash' },
    },
    limit: 1,
    depth: 0,
    pagination: false,
    select: {},
    req,
  })
  if (duplicate.docs.length) throw new RequestRefused(M.duplicate, 409)

  if (submitter.staff) return null
  const { turn, wait } = await takeFloodTurn(req, {
    ip: submitter.ip,
    intervalSeconds: settings.floodIntervalSeconds ?? 15,
  })
  if (wait > 0) throw new RequestRefused(M.flood(wait), 429, { retryAfter: wait })
  return turn
}
