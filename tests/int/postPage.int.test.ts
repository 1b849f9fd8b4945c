import type { Post } from '@/payload-types'
import type { CommentStatus } from '@/comments/rules/statuses'
import { sqlRows } from '@/comments/queries/sqlQuery'
import { runtimeOf } from '@/runtime/runtime'

import { insertComments, threadsPlan, type Planned } from '../helpers/bulkComments'
import { countDatabaseCalls } from '../helpers/countDatabaseCalls'
import { createPost } from '../helpers/factories'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

// The post page at volume: the database pages, counts and numbers the discussion; the server
// reads one page of threads and their replies, whatever the number of comments.

const PER_PAGE = 10

let t: TestPayload
let data: {
  loadPostPage: typeof import('@/data/postPage').loadPostPage
  approvedCommentCounts: typeof import('@/data/posts').approvedCommentCounts
}

beforeAll(async () => {
  t = await startTestPayload()
  await setSiteSettings(t.payload, { ...DISCUSSION_DEFAULTS, commentsPerPage: PER_PAGE })
  data = { ...(await import('@/data/postPage')), ...(await import('@/data/posts')) }
})
afterAll(async () => {
  await t?.stop()
})
beforeEach(() => runtimeOf(t.payload).content.clear())

async function measured(post: Post, page = 1) {
  runtimeOf(t.payload).content.clear()
  const counter = countDatabaseCalls(t.payload)
  try {
    const loaded = await data.loadPostPage(post.slug, page)
    return { loaded: loaded!, queries: counter.calls(), documents: counter.documents() }
  } finally {
    counter.stop()
  }
}

describe('the post page at volume', () => {
  it('makes the same queries and loads one page of threads and their replies, for 20 comments as for 2,000', async () => {
    const small = await createPost(t.payload)
    await insertComments(t.payload, small, threadsPlan(10, 1))
    const large = await createPost(t.payload)
    // 1,000 threads of one reply each, and 200 comments readers never see.
    const plan: Planned[] = threadsPlan(1000, 1)
    for (const status of ['pending', 'spam', 'trash', 'pending'] as const) {
      for (let i = 0; i < 50; i++) plan.push({ status })
    }
    await insertComments(t.payload, large, plan)

    const forSmall = await measured(small)
    const forLarge = await measured(large)
    expect(forLarge.queries).toBe(forSmall.queries)
    // The post (and what it shows), then the page: 10 threads and their 10 replies.
    expect(forLarge.loaded.discussion.comments).toHaveLength(2 * PER_PAGE)
    expect(forLarge.documents).toBe(forSmall.documents)
    expect(forLarge.documents).toBeLessThan(2 * PER_PAGE + 10)
    expect(forLarge.loaded.discussion).toMatchObject({ approvedTotal: 2000, totalPages: 100 })
  }, 120_000)

  it('numbers each comment by its place in the whole discussion, on any page', async () => {
    const post = await createPost(t.payload)
    // 0 top, 1 its reply, 2 pending (not counted), 3 top, 4 reply to 1 ... in date order.
    const plan: Planned[] = [{}, { replyTo: 0 }, { status: 'pending' }, {}, { replyTo: 1 }]
    for (let i = 0; i < 2 * PER_PAGE; i++) plan.push({})
    plan.push({ replyTo: 3 }) // a late reply to a thread on page 1
    const stored = await insertComments(t.payload, post, plan)

    const first = (await measured(post, 1)).loaded.discussion.comments
    const numberOf = (index: number) =>
      first.find((comment) => comment.id === stored[index].id)?.number
    expect([0, 1, 3, 4].map(numberOf)).toEqual([1, 2, 3, 4])
    // The late reply comes after every other approved comment: 24 of them.
    expect(numberOf(plan.length - 1)).toBe(25)

    const third = (await measured(post, 3)).loaded.discussion
    expect(third.totalPages).toBe(3)
    // Page 3 holds the last two top-level comments (22 top-level in all, 10 a page).
    expect(third.comments.map((comment) => comment.number)).toEqual([23, 24])
  })

  it('keeps the numbers in step with late approvals, removals, deletes and rows changed in SQL', async () => {
    const post = await createPost(t.payload)
    // 0 top, 1 pending, 2 top, 3 reply to 0, 4 pending, 5 top, 6 reply to 2, 7 top.
    const plan: Planned[] = [
      {},
      { status: 'pending' },
      {},
      { replyTo: 0 },
      { status: 'pending' },
      {},
      { replyTo: 2 },
      {},
    ]
    const stored = await insertComments(t.payload, post, plan)
    const setStatus = (index: number, status: CommentStatus) =>
      t.payload.db.updateOne({ collection: 'comments', id: stored[index].id, data: { status } })
    // An early comment approved late moves every later number up; a removal moves them down.
    await setStatus(1, 'approved')
    await setStatus(5, 'spam')
    await t.payload.delete({ collection: 'comments', id: stored[7].id })
    // A change made outside Payload (a database console, a script) is numbered too.
    await sqlRows(
      t.payload,
      (sql) => sql`UPDATE comments SET status = 'approved' WHERE id = ${stored[4].id}`,
    )
    if (t.database.kind === 'mongodb') await setStatus(4, 'approved')

    const approved = await t.payload.find({
      collection: 'comments',
      where: { post: { equals: post.id }, status: { equals: 'approved' } },
      sort: ['createdAt', 'id'],
      pagination: false,
      depth: 0,
    })
    const expected = Object.fromEntries(approved.docs.map((doc, index) => [doc.id, index + 1]))
    expect(Object.values(expected)).toHaveLength(6)
    const shown = (await measured(post)).loaded.discussion.comments
    expect(Object.fromEntries(shown.map((comment) => [comment.id, comment.number]))).toEqual(
      expected,
    )
    const storedNumbers = await sqlRows(
      t.payload,
      (sql) => sql`SELECT comment_id, n FROM comment_numbers WHERE post_id = ${post.id}`,
    )
    if (storedNumbers) {
      // SQL databases: the numbers are the stored ones, with no row left behind.
      const byComment = Object.fromEntries(
        storedNumbers.map((row) => [row.comment_id, Number(row.n)]),
      )
      expect(byComment).toEqual(expected)
    }
  })

  it('numbers one after another when many comments of one post are approved at once', async () => {
    const post = await createPost(t.payload)
    const plan: Planned[] = Array.from({ length: 24 }, (_, index) =>
      index % 2 ? { status: 'pending' as const } : {},
    )
    const stored = await insertComments(t.payload, post, plan)
    // Each approval its own write, all at once (PostgreSQL: side by side on the pool).
    await Promise.all(
      stored
        .filter((comment) => comment.status === 'pending')
        .map((comment) =>
          t.payload.db.updateOne({
            collection: 'comments',
            id: comment.id,
            data: { status: 'approved' },
          }),
        ),
    )
    const numbers = await sqlRows(
      t.payload,
      (sql) => sql`SELECT comment_id, n FROM comment_numbers WHERE post_id = ${post.id} ORDER BY n`,
    )
    const inOrder = stored.map((comment) => comment.id)
    if (numbers) {
      expect(numbers.map((row) => [Number(row.comment_id), Number(row.n)])).toEqual(
        inOrder.map((id, index) => [id, index + 1]),
      )
    } else {
      const shown = (await measured(post, 1)).loaded.discussion.comments
      expect(shown.map((comment) => comment.number)).toEqual(
        Array.from({ length: PER_PAGE }, (_, index) => index + 1),
      )
    }
  })

  it('counts only approved comments, for the page and for the home page', async () => {
    const post = await createPost(t.payload)
    const other = await createPost(t.payload)
    const plan: Planned[] = [
      {},
      { status: 'pending' },
      { replyTo: 0 },
      { status: 'spam' },
      { status: 'trash' },
      {},
    ]
    await insertComments(t.payload, post, plan)
    await insertComments(t.payload, other, [{ status: 'pending' }])
    const loaded = (await measured(post)).loaded.discussion
    expect(loaded.approvedTotal).toBe(3)
    expect(loaded.comments.map((comment) => comment.number)).toEqual([1, 3, 2])

    const counts = await data.approvedCommentCounts([post.id, other.id])
    expect(Object.fromEntries(counts)).toEqual({ [post.id]: 3, [other.id]: 0 })
  })

  it('answers the home page counts with one query for a page of posts', async () => {
    const posts = await Promise.all(Array.from({ length: 5 }, () => createPost(t.payload)))
    for (const post of posts) await insertComments(t.payload, post, threadsPlan(3, 1))
    runtimeOf(t.payload).content.clear()
    const counter = countDatabaseCalls(t.payload)
    try {
      const counts = await data.approvedCommentCounts(posts.map((post) => post.id))
      expect([...counts.values()]).toEqual([6, 6, 6, 6, 6])
      expect(counter.calls()).toBe(t.database.kind === 'mongodb' ? posts.length : 1)
    } finally {
      counter.stop()
    }
  })
})

describe('a deleted comment and its replies', () => {
  it('keeps the replies on the page: the first becomes top-level, with its own replies under it', async () => {
    const post = await createPost(t.payload)
    // 0 top, 1 reply to 0, 2 reply to 1, 3 another top.
    const stored = await insertComments(t.payload, post, [{}, { replyTo: 0 }, { replyTo: 1 }, {}])
    await t.payload.delete({ collection: 'comments', id: stored[0].id })

    const { comments } = (await measured(post)).loaded.discussion
    const shown = Object.fromEntries(comments.map((comment) => [comment.id, comment.parent]))
    expect(shown).toEqual({
      [stored[1].id]: null,
      [stored[2].id]: stored[1].id,
      [stored[3].id]: null,
    })
  })
})

// SQLite plans from statistics that start-up refreshes (src/db/plannerStatistics.ts); PostgreSQL
// keeps its own, and MongoDB has no planner of this kind.
;((process.env.TEST_DATABASE ?? 'sqlite') === 'sqlite' ? describe : describe.skip)(
  "SQLite's planner statistics",
  () => {
    it("reads a page's replies through the thread index, not every approved comment in date order", async () => {
      const post = await createPost(t.payload)
      await insertComments(t.payload, post, threadsPlan(100, 2))
      const { refreshPlannerStatistics } = await import('@/db/plannerStatistics')
      await refreshPlannerStatistics(t.payload, 'sqlite')
      // The query Payload writes for the replies of a page's threads (src/data/comments.ts).
      const plan = await sqlRows(
        t.payload,
        (sql) => sql`EXPLAIN QUERY PLAN SELECT id FROM comments
          WHERE ((thread_id IN (1, 2, 3) AND status = 'approved') AND status = 'approved')
          ORDER BY created_at ASC, id ASC LIMIT 2000`,
      )
      const steps = plan!.map((row) => String(row.detail)).join(' | ')
      expect(steps).toContain('thread_status_createdAt_idx')
      expect(steps).not.toContain('status_createdAt_idx (status=?)')
    })
  },
)
