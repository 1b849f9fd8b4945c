import { NOTIFICATIONS_QUEUE } from '@/jobs/notifyModerators'
import type { Post } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import { auditCount, auditEntries } from '../helpers/auditTrail'
import { restAuth, type Caller } from '../helpers/callers'
import {
  createAuthor,
  createPost,
  createStaff,
  simpleBody,
  unique,
  type Staff,
} from '../helpers/factories'
import type { Refusal, Saved } from '../helpers/restBodies'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let sink: SmtpSink
let t: TestPayload
let api: ApiClient
let staff: Staff
let authorProfile: number

beforeAll(async () => {
  // payload.config.ts reads SMTP_URL when startTestPayload first imports it.
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  authorProfile = (await createAuthor(t.payload)).id
})
afterAll(async () => {
  await t?.stop()
  await sink?.stop()
})
beforeEach(async () => {
  await runNotifications()
  sink.messages.length = 0
})

const runNotifications = () => t.payload.jobs.run({ queue: NOTIFICATIONS_QUEUE })
const quietPeriod = () => new Promise((resolve) => setTimeout(resolve, 300))

/** A draft written by the author over REST, as the admin's Save Draft sends it. */
async function authorDraft(title = `Draft ${unique()}`): Promise<Post> {
  const res = await api.call<Saved<Post>>('POST', '/posts?draft=true&depth=0', {
    ...restAuth(staff, 'author'),
    json: { title, body: simpleBody(), authors: [authorProfile], _status: 'draft' },
  })
  expect(res.body).toMatchObject({ doc: { _status: 'draft' } })
  return res.body.doc
}

function submitForReview(id: number | string, caller: Caller = 'author') {
  return api.call<{ id: number; reviewStatus: string } & Refusal>(
    'POST',
    `/posts/${id}/submit-for-review`,
    restAuth(staff, caller),
  )
}

async function latest(id: number | string) {
  return t.payload.findByID({ collection: 'posts', id, draft: true, depth: 0 })
}

describe('posts.review.submit', () => {
  it('lets an author submit their draft: stamped, audited and the editors emailed', async () => {
    const draft = await authorDraft('Levee repair schedule')
    const res = await submitForReview(draft.id)
    expect(res.status).toBe(200)
    expect(res.body.reviewStatus).toBe('submitted')

    expect(await latest(draft.id)).toMatchObject({
      _status: 'draft',
      reviewStatus: 'submitted',
      submittedForReviewBy: staff.author.id,
      submittedForReviewAt: expect.any(String),
    })
    const [entry] = await auditEntries(t.payload, {
      action: { equals: 'post-submit' },
      targetId: { equals: String(draft.id) },
    })
    expect(entry).toMatchObject({
      targetType: 'post',
      post: draft.id,
      actor: staff.author.id,
      actorName: staff.author.email,
      summary: 'Submitted "Levee repair schedule" for review',
    })

    await runNotifications()
    const [message] = await sink.waitForMessages(1)
    await quietPeriod()
    expect(sink.messages).toHaveLength(1)
    expect(message.to.sort()).toEqual([staff.admin.email, staff.editor.email].sort())
    expect(message.subject).toBe('[Agency Blog] Draft waiting for review: "Levee repair schedule"')
    const text = message.text.replace(/\r\n/g, '\n')
    expect(text).toContain('submitted "Levee repair schedule" for review')
    expect(text).toContain(`/admin/collections/posts/${draft.id}`)
  })

  it('shows the waiting draft to editors: a list filter and a count', async () => {
    const before = await api.call<{ waiting: number }>(
      'GET',
      '/posts/review-count',
      restAuth(staff, 'editor'),
    )
    const draft = await authorDraft()
    await submitForReview(draft.id)
    const after = await api.call<{ waiting: number }>(
      'GET',
      '/posts/review-count',
      restAuth(staff, 'editor'),
    )
    expect(after.status).toBe(200)
    expect(after.body.waiting).toBe(before.body.waiting + 1)

    const list = await api.call<{ docs: Post[] }>(
      'GET',
      '/posts?draft=true&depth=0&where[reviewStatus][equals]=submitted&limit=100',
      restAuth(staff, 'editor'),
    )
    expect(list.body.docs.map((post) => post.id)).toContain(draft.id)
  })

  it.each(['author', 'moderator', 'anonymous'] as const)(
    'does not tell the %s how many drafts wait',
    async (caller) => {
      const res = await api.call('GET', '/posts/review-count', restAuth(staff, caller))
      expect(res.status).toBe(caller === 'anonymous' ? 401 : 403)
    },
  )

  it('clears the review and records the publication when an editor publishes', async () => {
    const draft = await authorDraft('Reviewed post')
    await submitForReview(draft.id)
    const res = await api.call<Saved<Post>>('PATCH', `/posts/${draft.id}?depth=0`, {
      ...restAuth(staff, 'editor'),
      json: { _status: 'published' },
    })
    expect(res.status).toBe(200)
    expect(await latest(draft.id)).toMatchObject({
      _status: 'published',
      reviewStatus: 'none',
      submittedForReviewAt: null,
    })
    const [entry] = await auditEntries(t.payload, {
      action: { equals: 'post-publish' },
      targetId: { equals: String(draft.id) },
    })
    expect(entry).toMatchObject({
      summary: 'Published "Reviewed post" after review',
      actor: staff.editor.id,
      from: 'draft',
      to: 'published',
      details: { submittedForReviewBy: staff.author.id },
    })
    // The editors' email, still queued, is no longer sent: nothing waits.
    await runNotifications()
    await quietPeriod()
    expect(sink.messages).toHaveLength(0)
  })

  it('records publishing a post that was never submitted, and not a thread change', async () => {
    const post = await createPost(t.payload, { _status: 'draft' })
    await api.call('PATCH', `/posts/${post.id}`, {
      ...restAuth(staff, 'admin'),
      json: { _status: 'published' },
    })
    const where = { action: { equals: 'post-publish' }, targetId: { equals: String(post.id) } }
    expect(await auditEntries(t.payload, where)).toHaveLength(1)
    const closed = await api.call('POST', `/posts/${post.id}/thread`, {
      ...restAuth(staff, 'moderator'),
      json: { status: 'closed' },
    })
    expect(closed.status).toBe(200)
    expect(await auditEntries(t.payload, where)).toHaveLength(1)
  })

  it('still refuses an author publishing (403); nothing is published or recorded', async () => {
    const draft = await authorDraft()
    const audits = await auditCount(t.payload)
    const res = await api.call('PATCH', `/posts/${draft.id}`, {
      ...restAuth(staff, 'author'),
      json: { _status: 'published' },
    })
    expect(res.status).toBe(403)
    expect((await latest(draft.id))._status).toBe('draft')
    expect(await auditCount(t.payload)).toBe(audits)
  })

  it("refuses an author submitting another's post (403), a published post (409) and twice (409)", async () => {
    const others = await createPost(t.payload, { _status: 'draft' })
    const notYours = await submitForReview(others.id)
    expect(notYours.status).toBe(403)
    expect(notYours.body.errors[0].message).toBe('Authors can submit only the posts they created')
    expect((await submitForReview(999_999, 'editor')).status).toBe(404)

    const published = await createPost(t.payload)
    expect((await submitForReview(published.id, 'editor')).status).toBe(409)

    const draft = await authorDraft()
    expect((await submitForReview(draft.id)).status).toBe(200)
    const audits = await auditCount(t.payload)
    const again = await submitForReview(draft.id)
    expect(again.status).toBe(409)
    expect(again.body.errors[0].message).toBe('This draft is already waiting for review')
    expect(await auditCount(t.payload)).toBe(audits)
  })

  it.each(['moderator', 'anonymous'] as const)('refuses the %s', async (caller) => {
    const draft = await authorDraft()
    const res = await submitForReview(draft.id, caller)
    expect(res.status).toBe(caller === 'anonymous' ? 401 : 403)
    expect((await latest(draft.id)).reviewStatus ?? null).toBeNull()
  })

  it('refuses an author setting the review fields directly (403)', async () => {
    const draft = await authorDraft()
    const res = await api.call('PATCH', `/posts/${draft.id}?draft=true`, {
      ...restAuth(staff, 'author'),
      json: { reviewStatus: 'submitted' },
    })
    expect(res.status).toBe(403)
    expect((await latest(draft.id)).reviewStatus ?? null).toBeNull()
  })
})
