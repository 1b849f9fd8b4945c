import type { Payload } from 'payload'

import type { Id } from '@/lib/idOf'

import { sqlRows } from './sqlQuery'

type Numbered = { id: Id; createdAt: string }

/**
 * Each comment's number in its post's discussion: its position among the post's approved
 * comments, oldest first (ties by id), as readers cite "comment 7". On the SQL databases the
 * numbers are stored, kept by triggers at every approval, removal and delete (migration
 * 20261201_230000_comment_numbers), and read here by key for the comments shown: the cost does not
 * grow with the discussion. On MongoDB, one count per comment shown.
 */
export async function discussionNumbers(
  payload: Payload,
  postId: Id,
  comments: Numbered[],
): Promise<Map<string, number>> {
  const numbers = new Map<string, number>()
  if (comments.length === 0) return numbers
  const ids = comments.map((comment) => comment.id)
  // By primary key alone: with `post_id = ?` too, SQLite may read the post's every number through
  // (post_id, n) instead, 213,000 of them for the big post at a million comments (12-23 ms).
  const rows = await sqlRows(
    payload,
    (sql) => sql`SELECT comment_id AS id, n FROM comment_numbers
      WHERE comment_id IN (${sql.join(
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
