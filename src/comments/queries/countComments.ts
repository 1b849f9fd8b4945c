import type { Payload, PayloadRequest } from 'payload'

import { hasRole } from '@/access/roles'
import { COMMENT_STATUSES, type CommentStatus } from '@/comments/rules/statuses'

import { sqlRows } from './sqlQuery'

export type CommentCounts = Record<CommentStatus | 'all', number>

/**
 * Comments per status, for the moderation tabs in the admin and
 * `GET /api/comments/moderation-counts`. Moderators and admins may read every comment: on the SQL
 * databases, the four rows of `comment_status_counts`, which triggers keep in step with every
 * write (migration 20261201_190000_comment_status_counts), so the cost does not grow with the
 * comments. Anyone else, and MongoDB, counts with their own access, status by status.
 */
export async function countComments(
  payload: Payload,
  user: PayloadRequest['user'],
): Promise<CommentCounts> {
  const counts = Object.fromEntries(COMMENT_STATUSES.map((status) => [status, 0])) as Omit<
    CommentCounts,
    'all'
  >
  const rows = hasRole(user, 'admin', 'moderator')
    ? await sqlRows(payload, (sql) => sql`SELECT status, n FROM comment_status_counts`)
    : null
  if (rows) {
    for (const row of rows) {
      if (String(row.status) in counts) counts[row.status as CommentStatus] = Number(row.n)
    }
  } else {
    await Promise.all(
      COMMENT_STATUSES.map(async (status) => {
        const { totalDocs } = await payload.count({
          collection: 'comments',
          where: { status: { equals: status } },
          overrideAccess: false,
          user,
        })
        counts[status] = totalDocs
      }),
    )
  }
  return { ...counts, all: Object.values(counts).reduce((sum, n) => sum + n, 0) }
}
