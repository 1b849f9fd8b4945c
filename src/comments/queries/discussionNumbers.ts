import type { Payload } from 'payload'

import type { Id } from '@/lib/idOf'

import { sqlRows } from './sqlQuery'

type Numbered = { id: Id; createdAt: string }

/**
 * Each comment's number in its post's discussion: its position among the post's approved
 * comments, oldest first (ties by id), as readers cite "comment 7". One windowed query over the
 * post's approved comments (an index-only scan of post, status, createdAt), returning only the
 * rows asked for. On MongoDB, one count per comment shown.
 */
export async function discussionNumbers(
  payload: Payload,
  postId: Id,
  comments: Numbered[],
): Promise<Map<string, number>> {
  const numbers = new Map<string, number>()
  if (comments.length === 0) return numbers
  const ids = comments.map((comment) => comment.id)
  const rows = await sqlRows(
    payload,
    (sql) => sql`SELECT id, n FROM (
        SELECT id, ROW_NUMBER() OVER (ORDER BY created_at, id) AS n FROM comments
        WHERE post_id = ${postId} AND status = 'approved'
      ) AS numbered
      WHERE id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
  )
  if (rows) {
    for (const row of rows) numbers.set(String(row.id), Number(row.n))
    return numbers
  }
  await Promise.all(
    comments.map(async ({ id, createdAt }) => {
      const { totalDocs } = await payload.count({
        collection: 'comments',
        where: {
          post: { equals: postId },
          status: { equals: 'approved' },
          or: [
            { createdAt: { less_than: createdAt } },
            { and: [{ createdAt: { equals: createdAt } }, { id: { less_than: id } }] },
          ],
        },
      })
      numbers.set(String(id), totalDocs + 1)
    }),
  )
  return numbers
}
