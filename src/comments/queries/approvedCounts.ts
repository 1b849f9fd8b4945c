import type { Payload } from 'payload'

import type { Id } from '@/lib/idOf'

import { sqlRows } from './sqlQuery'

/**
 * Approved comments per post, for a page of posts or one post page: one query whatever the number
 * of comments. On the SQL databases it is each post's highest stored comment number
 * (`comment_numbers`, kept by triggers: the approved count by construction), one index seek per
 * post where a count would read an index entry per comment (212,000 on the benchmark's big post).
 * On MongoDB, one count per post (a page holds at most a few).
 */
export async function approvedCounts(payload: Payload, postIds: Id[]): Promise<Map<Id, number>> {
  const counts = new Map<Id, number>(postIds.map((id) => [id, 0]))
  if (postIds.length === 0) return counts
  const rows = await sqlRows(payload, (sql) =>
    sql.join(
      postIds.map(
        (id) => sql`SELECT CAST(${id} AS integer) AS post,
          (SELECT MAX(n) FROM comment_numbers WHERE post_id = ${id}) AS n`,
      ),
      sql` UNION ALL `,
    ),
  )
  if (rows) {
    for (const row of rows) counts.set(Number(row.post), Number(row.n ?? 0))
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
