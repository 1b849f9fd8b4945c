import type { Payload } from 'payload'

import type { Id } from '@/lib/idOf'

import { sqlRows } from './sqlQuery'

/**
 * Approved comments per post, for a page of posts: one grouped count in the database, whatever
 * the number of comments. On MongoDB, one count per post (a page holds at most a few).
 */
export async function approvedCounts(payload: Payload, postIds: Id[]): Promise<Map<Id, number>> {
  const counts = new Map<Id, number>(postIds.map((id) => [id, 0]))
  if (postIds.length === 0) return counts
  const rows = await sqlRows(
    payload,
    (sql) => sql`SELECT post_id AS post, COUNT(*) AS n FROM comments
      WHERE status = 'approved' AND post_id IN (${sql.join(
        postIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      GROUP BY post_id`,
  )
  if (rows) {
    for (const row of rows) counts.set(Number(row.post), Number(row.n))
    return counts
  }
  await Promise.all(
    postIds.map(async (id) => {
      const { totalDocs } = await payload.count({
        collection: 'comments',
        where: { post: { equals: id }, status: { equals: 'approved' } },
      })
      counts.set(id, totalDocs)
    }),
  )
  return counts
}
