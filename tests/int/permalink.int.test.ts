import type { Comment, Post } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'

import { insertComments, type Planned } from '../helpers/bulkComments'
import { countDatabaseCalls } from '../helpers/countDatabaseCalls'
import { createPost } from '../helpers/factories'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

// /posts/<slug>/comments/<id> redirects to the page of the thread that shows the comment.

let t: TestPayload
let commentLocation: typeof import('@/data/commentLocation').commentLocation
let post: Post
let other: Post
let stored: Comment[]

// 12 top-level threads, 5 a page: pages 1-3. Thread 6 (page 2) has a reply; a pending thread
// with an approved reply; the last top-level comment lands on page 3.
const plan: Planned[] = []
for (let i = 0; i < 12; i++) plan.push({})
plan.push({ replyTo: 6 }) // 12: a reply in a thread on page 2
plan.push({ status: 'pending' }) // 13: a thread readers do not see
plan.push({ replyTo: 13 }) // 14: an approved reply in it

beforeAll(async () => {
  t = await startTestPayload()
  await setSiteSettings(t.payload, { ...DISCUSSION_DEFAULTS, commentsPerPage: 5 })
  ;({ commentLocation } = await import('@/data/commentLocation'))
  post = await createPost(t.payload)
  other = await createPost(t.payload)
  stored = await insertComments(t.payload, post, plan)
})
afterAll(async () => {
  await t?.stop()
})

const locate = (index: number, slug = post.slug) => commentLocation(slug, String(stored[index].id))

describe('comment permalinks', () => {
  it('lead to the page of the thread, on the first, a middle and the last page', async () => {
    expect(await locate(0)).toBe(`/posts/${post.slug}#comment-${stored[0].id}`)
    expect(await locate(6)).toBe(`/posts/${post.slug}?comments=2#comment-${stored[6].id}`)
    expect(await locate(12)).toBe(`/posts/${post.slug}?comments=2#comment-${stored[12].id}`)
    expect(await locate(11)).toBe(`/posts/${post.slug}?comments=3#comment-${stored[11].id}`)
  })

  it('work it out with a few queries, whatever the page', async () => {
    runtimeOf(t.payload).content.clear()
    const counter = countDatabaseCalls(t.payload)
    try {
      await locate(11)
      expect(counter.calls()).toBeLessThanOrEqual(6)
    } finally {
      counter.stop()
    }
  })

  it('lead nowhere for what readers cannot see, or an address that is not a comment of the post', async () => {
    expect(await locate(13)).toBeNull() // pending
    expect(await locate(14)).toBeNull() // in a thread readers cannot see
    expect(await locate(0, other.slug)).toBeNull()
    expect(await locate(0, 'no-such-post')).toBeNull()
    expect(await commentLocation(post.slug, "1' OR '1'='1")).toBeNull()
  })
})
