import type { Payload, PayloadRequest } from 'payload'

import { COMMENT_STATUSES } from '@/comments/rules/statuses'

export type CommentCounts = Record<(typeof COMMENT_STATUSES)[number] | 'all', number>

/**
 * Comments per status, read with the user's own access: the moderation tabs in the admin and
 * `GET /api/comments/moderation-counts`.
 */
export async function countComments(
  payload: Payload,
  user: PayloadRequest['user'],
): Promise<CommentCounts> {
  const counts = await Promise.all(
    COMMENT_STATUSES.map(async (status) => {
      const { totalDocs } = await payload.count({
        collection: 'comments',
        where: { status: { equals: status } },
        overrideAccess: false,
        user,
      })
      return [status, totalDocs] as const
    }),
  )
  const byStatus = Object.fromEntries(counts) as Omit<CommentCounts, 'all'>
  return { ...byStatus, all: counts.reduce((sum, [, n]) => sum + n, 0) }
}
