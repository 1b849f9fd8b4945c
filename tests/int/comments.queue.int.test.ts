import { createLocalReq } from 'payload'

import { loadQueuePage } from '@/admin/ModerationView/loadModerationQueue'
import { moderateMatching } from '@/comments/queue/moderateMatching'
import { DEFAULT_QUEUE_FILTER, parseQueueFilter } from '@/comments/queue/queueFilter'
import type { CommentStatus } from '@/comments/rules/statuses'
import type { Comment, Post } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import { auditEntries } from '../helpers/auditTrail'
import { insertComments, type Planned } from '../helpers/bulkComments'
import { restAuth, type Caller } from '../helpers/callers'
import { createComment, createPost, createStaff, unique, type Staff } from '../helpers/factories'
import { countDatabaseCalls } from '../helpers/countDatabaseCalls'
import type { Refusal } from '../helpers/restBodies'
import { storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

type Matching = { matching: number; suspicious: number; before: string }
type Moderated = {
  results: { id: number; status: CommentStatus }[]
  errors: { id: number; message: string }[]
  remaining: number
}

let t: TestPayload
let api: ApiClient
let staff: Staff

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
})
afterAll(async () => {
  await t?.stop()
})

const comment = (post: Post, data: Partial<Comment> = {}) =>
  createComment(t.payload, post, { status: 'pending', body: `Comment ${unique()}`, ...data })

function matching(query: string, caller: Caller = 'moderator') {
  return api.call<Matching & Refusal>(
    'GET',
    `/comments/moderation-matching?${query}`,
    restAuth(staff, caller),
  )
}

function moderate(json: unknown, caller: Caller = 'moderator') {
  return api.call<Moderated & Refusal>('POST', '/comments/moderate', {
    ...restAuth(staff, caller),
    json,
  })
}

async function statuses(comments: Comment[]) {
  return Promise.all(
    comments.map(async (c) => (await storedDoc(t.payload, 'comments', c.id)).doc!.status),
  )
}

describe('comments.moderationMatching', () => {
  it('counts what a filter holds, and the suspicious among them', async () => {
    const post = await createPost(t.payload)
    const tag = unique()
    await comment(post, { body: `Plain ${tag}` })
    await comment(post, { body: `See https://spam.example/${tag}` })
    await comment(post, { body: `Listed ${tag}`, statusReason: 'Moderation word "cheap" in text' })
    await comment(post, {
      body: `Doubtful ${tag}`,
      spamCheck: { verdict: 'spam' } as Comment['spamCheck'],
    })
    await comment(post, { body: `Approved ${tag}`, status: 'approved' })
    await comment(post, { authorEmail: `${tag}@example.org` })

    const res = await matching(`status=pending&q=${tag}&post=${post.id}`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ matching: 5, suspicious: 3, before: expect.any(String) })
    expect((await matching(`status=all&q=${tag}`)).body).toMatchObject({ matching: 6 })
    expect((await matching(`status=pending&q=${tag.toUpperCase()}@EXAMPLE`)).body).toMatchObject({
      matching: 1,
      suspicious: 0,
    })
  })

  it.each([
    ['size=500', 'size', 'size must be one of 20, 50, 100'],
    ['status=deleted', 'status', 'status must be one of pending, approved, spam, trash, all'],
    ['post=abc', 'post', 'post must be the id of a post'],
    ['sort=random', 'sort', 'sort must be one of newest, oldest'],
    [`q=${'x'.repeat(201)}`, 'q', 'q must be text of at most 200 characters'],
    ['status=pending&status=spam', 'status', expect.stringContaining('status must be one of')],
  ])('answers 400 to %s', async (query, path, message) => {
    const res = await matching(query)
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ errors: [{ path, message }] })
  })

  it('refuses an editor', async () => {
    const res = await matching('status=pending', 'editor')
    expect(res.status).toBe(403)
  })
})

describe('comments.moderate on all matching', () => {
  it('approves every comment of the filter, each one audited, none that arrived later', async () => {
    const post = await createPost(t.payload)
    const held: Comment[] = []
    for (let i = 0; i < 45; i++) held.push(await comment(post))
    const other = await comment(await createPost(t.payload))
    const counted = await matching(`status=pending&post=${post.id}`)
    expect(counted.body.matching).toBe(45)
    const late = await comment(post, {
      createdAt: new Date(Date.parse(counted.body.before) + 1000).toISOString(),
    })

    const res = await moderate({
      action: 'approve',
      reason: 'Bulk approval',
      matching: { status: 'pending', post: post.id, before: counted.body.before },
    })
    expect(res.status).toBe(200)
    expect(res.body.results).toHaveLength(45)
    expect(res.body).toMatchObject({ errors: [], remaining: 0 })
    expect(new Set(await statuses(held))).toEqual(new Set(['approved']))
    expect(await statuses([late, other])).toEqual(['pending', 'pending'])
    const audited = await auditEntries(t.payload, {
      comment: { in: held.map((c) => c.id) },
      to: { equals: 'approved' },
    })
    expect(audited).toHaveLength(45)
    expect(audited[0]).toMatchObject({
      from: 'pending',
      reason: 'Bulk approval',
      actorName: staff.moderator.email,
    })
  })

  it('changes at most its limit per request, in batches, and says how many remain', async () => {
    const post = await createPost(t.payload)
    const held: Comment[] = []
    for (let i = 0; i < 12; i++) held.push(await comment(post))
    const req = await createLocalReq({ user: staff.moderator }, t.payload)
    const filter = {
      ...DEFAULT_QUEUE_FILTER,
      post: String(post.id),
      before: new Date(Date.now() + 1000).toISOString(),
    }
    const limits = { batch: 3, perRequest: 7 }
    const first = await moderateMatching(req, filter, 'trash', undefined, limits)
    expect(first.results).toHaveLength(7)
    expect(first.remaining).toBe(5)
    const second = await moderateMatching(req, filter, 'trash', undefined, limits)
    expect(second.results).toHaveLength(5)
    expect(second.remaining).toBe(0)
    expect(new Set(await statuses(held))).toEqual(new Set(['trash']))
  })

  it('lets the server answer others while it works through the comments', async () => {
    // 500 comments a request, each a moderation with its audit entry: seconds of work that, with
    // SQLite's synchronous driver, would hold every other request without a turn of the event
    // loop between comments.
    const post = await createPost(t.payload)
    for (let i = 0; i < 4; i++) await comment(post)
    const req = await createLocalReq({ user: staff.moderator }, t.payload)
    const filter = {
      ...DEFAULT_QUEUE_FILTER,
      post: String(post.id),
      before: new Date(Date.now() + 1000).toISOString(),
    }
    const ranAfter: number[] = []
    let done = 0
    const watch = setInterval(() => ranAfter.push(done), 0)
    try {
      const outcome = await moderateMatching(req, filter, 'spam', undefined)
      done = outcome.results.length
    } finally {
      clearInterval(watch)
    }
    expect(done).toBe(4)
    // The interval ran while the comments were being moderated, not only once they all were.
    expect(ranAfter.filter((at) => at === 0).length).toBeGreaterThanOrEqual(2)
  })

  it.each([
    [{ status: 'pending' }, 'matching.before', 'matching.before is required'],
    [{ status: 'nope', before: '2026-01-01T00:00:00Z' }, 'matching.status', 'status must be'],
    [{ size: 1000, before: '2026-01-01T00:00:00Z' }, 'matching.size', 'size must be one of'],
    [{ before: 'yesterday' }, 'matching.before', 'before must be a date'],
    ['pending', 'matching', 'matching must be an object'],
  ])('answers 400 to matching %j and changes nothing', async (filter, path, message) => {
    const post = await createPost(t.payload)
    const target = await comment(post)
    const res = await moderate({ action: 'approve', matching: filter })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ errors: [{ path, message: expect.stringContaining(message) }] })
    expect(await statuses([target])).toEqual(['pending'])
  })

  it('refuses ids and matching together, and an editor', async () => {
    const post = await createPost(t.payload)
    const target = await comment(post)
    const matchingPost = { post: post.id, before: new Date(Date.now() + 1000).toISOString() }
    const both = await moderate({ action: 'approve', ids: [target.id], matching: matchingPost })
    expect(both.status).toBe(400)
    expect(both.body.errors[0].message).toBe('Send either ids or matching, not both')
    const editor = await moderate({ action: 'approve', matching: matchingPost }, 'editor')
    expect(editor.status).toBe(403)
    expect(await statuses([target])).toEqual(['pending'])
  })
})

describe('the moderation queue page', () => {
  async function measured(post: Post, query: Record<string, string>) {
    const { filter } = parseQueueFilter({ post: String(post.id), ...query })
    const counter = countDatabaseCalls(t.payload)
    try {
      const page = await loadQueuePage({ payload: t.payload, user: staff.moderator }, filter, 1)
      return { page, queries: counter.calls(), documents: counter.documents() }
    } finally {
      counter.stop()
    }
  }

  it('reads one page of the filter with the same queries for 30 comments as for 600', async () => {
    const small = await createPost(t.payload)
    const large = await createPost(t.payload)
    const plan = (n: number): Planned[] =>
      Array.from({ length: n }, (_, i) => (i % 3 === 2 ? { replyTo: i - 1 } : {}))
    await insertComments(
      t.payload,
      small,
      plan(30).map((p) => ({ ...p, status: 'pending' })),
    )
    await insertComments(
      t.payload,
      large,
      plan(600).map((p) => ({ ...p, status: 'pending' })),
    )
    const forSmall = await measured(small, { size: '20' })
    const forLarge = await measured(large, { size: '20' })
    expect(forLarge.page.comments).toHaveLength(20)
    expect(forLarge.page.totalDocs).toBe(600)
    expect(forLarge.queries).toBe(forSmall.queries)
    expect(forLarge.documents).toBeLessThanOrEqual(forSmall.documents)
    const reply = forLarge.page.comments.find((c) => c.parent)!
    expect(reply.parent!.body).toMatch(/^Comment \d+$/)
  })

  it('searches, sorts and pages as asked', async () => {
    const post = await createPost(t.payload)
    await insertComments(
      t.payload,
      post,
      Array.from({ length: 60 }, () => ({ status: 'pending' })),
    )
    const oldest = await measured(post, { sort: 'oldest', size: '50' })
    expect(oldest.page.comments).toHaveLength(50)
    expect(oldest.page.comments[0].body).toBe('Comment 0')
    expect(oldest.page.totalPages).toBe(2)
    const found = await measured(post, { q: 'READER-42@' })
    expect(found.page.comments.map((c) => c.authorName)).toEqual(['Reader 42'])
  })
})
