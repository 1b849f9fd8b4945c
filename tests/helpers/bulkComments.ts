import type { Payload } from 'payload'

import type { CommentStatus } from '@/comments/rules/statuses'
import { sqlRows } from '@/comments/queries/sqlQuery'
import type { Comment, Post } from '@/payload-types'

export type Planned = {
  status?: CommentStatus
  /** Index of an earlier planned comment this one replies to. */
  replyTo?: number
}

/**
 * Stores many comments quickly for volume tests: straight through the database adapter (no
 * hooks, no audit), one second apart in plan order, replies in their parent's thread. Returns
 * the stored comments in plan order.
 */
export async function insertComments(
  payload: Payload,
  post: Post,
  plan: Planned[],
  start = new Date('2026-01-01T00:00:00Z'),
): Promise<Comment[]> {
  const stored: Comment[] = new Array(plan.length)
  const insert = async (index: number) => {
    const planned = plan[index]
    const parent = planned.replyTo === undefined ? null : stored[planned.replyTo]
    const createdAt = new Date(start.getTime() + index * 1000).toISOString()
    stored[index] = (await payload.db.create({
      collection: 'comments',
      data: {
        post: post.id,
        parent: parent?.id ?? null,
        thread: parent ? ((parent.thread as number | null) ?? parent.id) : null,
        authorName: `Reader ${index}`,
        authorEmail: `reader-${index}@example.org`,
        body: `Comment ${index}`,
        status: planned.status ?? 'approved',
        createdAt,
        updatedAt: createdAt,
      },
    })) as Comment
  }
  // Parents before their replies; each round's inserts side by side, a few dozen at a time.
  const rounds: number[][] = []
  const roundOf: number[] = []
  plan.forEach((planned, index) => {
    const round = planned.replyTo === undefined ? 0 : roundOf[planned.replyTo] + 1
    roundOf[index] = round
    ;(rounds[round] ??= []).push(index)
  })
  for (const round of rounds) {
    for (let i = 0; i < round.length; i += 25) {
      await Promise.all(round.slice(i, i + 25).map(insert))
    }
  }
  return stored
}

/** A plan of `threads` top-level comments, each followed by `repliesEach` replies to it. */
export function threadsPlan(threads: number, repliesEach: number): Planned[] {
  const plan: Planned[] = []
  for (let i = 0; i < threads; i++) {
    const top = plan.length
    plan.push({})
    for (let j = 0; j < repliesEach; j++) plan.push({ replyTo: top })
  }
  return plan
}

/**
 * Stores `count` approved top-level comments on `post` as fast as the database takes them:
 * multi-row INSERTs on SQLite and PostgreSQL, insertMany on MongoDB. For volume tests only.
 */
export async function insertManyComments(
  payload: Payload,
  post: Post,
  count: number,
  { bodyLength = 100, moment }: { bodyLength?: number; moment?: string } = {},
): Promise<void> {
  const start = Date.parse('2026-01-01T00:00:00Z')
  const body = 'x'.repeat(bodyLength)
  const row = (i: number) => {
    // One second apart, or all at `moment`.
    const at = moment ?? new Date(start + i * 1000).toISOString()
    return { name: `Reader ${i}`, email: `reader-${i}@example.org`, at }
  }
  for (let from = 0; from < count; from += 500) {
    const batch = Array.from({ length: Math.min(500, count - from) }, (_, i) => row(from + i))
    const done = await sqlRows(
      payload,
      (sql) => sql`INSERT INTO comments
        (post_id, author_name, author_email, body, status, created_at, updated_at)
        VALUES ${sql.join(
          batch.map(
            (r) => sql`(${post.id}, ${r.name}, ${r.email}, ${body}, 'approved', ${r.at}, ${r.at})`,
          ),
          sql`, `,
        )}`,
    )
    if (done) continue
    const mongo = payload.db as unknown as {
      collections: { comments: { insertMany(docs: unknown[]): Promise<unknown> } }
    }
    await mongo.collections.comments.insertMany(
      batch.map((r) => ({
        post: post.id,
        authorName: r.name,
        authorEmail: r.email,
        body,
        status: 'approved',
        createdAt: new Date(r.at),
        updatedAt: new Date(r.at),
      })),
    )
  }
}
