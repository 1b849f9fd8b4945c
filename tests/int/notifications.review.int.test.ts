import { createLocalReq } from 'payload'

import { NOTIFICATIONS_QUEUE } from '@/jobs/notifyModerators'
import { sendModerationDigests } from '@/jobs/sendModerationDigests'
import type { Post, User } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import { restAuth } from '../helpers/callers'
import {
  createAuthor,
  createComment,
  createPost,
  createStaff,
  simpleBody,
  unique,
  type Staff,
} from '../helpers/factories'
import type { Saved } from '../helpers/restBodies'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

// Drafts waiting for review follow the same notification choice as held comments (issue 14, 7).

let sink: SmtpSink
let t: TestPayload
let api: ApiClient
let staff: Staff
let authorProfile: number
let flood: Post

// SERVER_URL is unset here, as in the quick start: links use the http://localhost:PORT default.
const BASE = 'http://localhost:3000'
const HOUR = 60 * 60 * 1000
const ROLES = ['admin', 'moderator', 'editor', 'author'] as const

beforeAll(async () => {
  // payload.config.ts reads SMTP_URL when startTestPayload first imports it.
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  authorProfile = (await createAuthor(t.payload)).id
  flood = await createPost(t.payload, { title: `Flood Outlook ${unique()}` })
})
afterAll(async () => {
  await t?.stop()
  await sink?.stop()
})
beforeEach(async () => {
  await setSiteSettings(t.payload, { ...DISCUSSION_DEFAULTS, timeZone: 'UTC' })
  await runNotifications()
  sink.messages.length = 0
})
afterEach(async () => {
  for (const role of ROLES) await choose(role, null)
})

const runNotifications = () => t.payload.jobs.run({ queue: NOTIFICATIONS_QUEUE })
const quietPeriod = () => new Promise((resolve) => setTimeout(resolve, 300))

/**
 * Sets a staff member's choice; their last digest `since` (a trusted server write, as the job's),
 * so a digest covers only what the test itself creates.
 */
async function choose(
  role: keyof Staff,
  frequency: User['notificationFrequency'],
  since: Date | null = null,
) {
  await t.payload.update({
    collection: 'users',
    id: staff[role].id,
    data: { notificationFrequency: frequency, lastDigestAt: since?.toISOString() ?? null },
  })
}

/** A draft the author writes and submits for review over REST, as the admin does. */
async function submittedDraft(title: string): Promise<Post> {
  const saved = await api.call<Saved<Post>>('POST', '/posts?draft=true&depth=0', {
    ...restAuth(staff, 'author'),
    json: { title, body: simpleBody(), authors: [authorProfile], _status: 'draft' },
  })
  expect(saved.body).toMatchObject({ doc: { _status: 'draft' } })
  const res = await api.call('POST', `/posts/${saved.body.doc.id}/submit-for-review`, {
    ...restAuth(staff, 'author'),
  })
  expect(res.status).toBe(200)
  return saved.body.doc
}

/** Now, after a pause: what earlier tests left is before it, what this test creates after. */
async function freshWindow(): Promise<Date> {
  await new Promise((resolve) => setTimeout(resolve, 20))
  const start = new Date()
  await new Promise((resolve) => setTimeout(resolve, 20))
  return start
}

async function digestAt(now: Date) {
  return sendModerationDigests(await createLocalReq({}, t.payload), now)
}

describe('the review email follows each one’s choice', () => {
  it('sends no review email to an editor who chose none; the admin (default) still gets it', async () => {
    await choose('editor', 'none')
    await submittedDraft(`Culvert survey ${unique()}`)
    await runNotifications()
    const [message] = await sink.waitForMessages(1)
    await quietPeriod()
    expect(sink.messages).toHaveLength(1)
    expect(message.to).toEqual([staff.admin.email])
  })

  it('sends an hourly editor no immediate email, then a digest listing the waiting draft', async () => {
    const start = await freshWindow()
    await choose('editor', 'hourly', start)
    await choose('admin', 'none')
    const title = `Pump station upgrade ${unique()}`
    const draft = await submittedDraft(title)
    await runNotifications()
    await quietPeriod()
    expect(sink.messages).toEqual([])

    const first = new Date(start.getTime() + HOUR)
    expect(await digestAt(first)).toEqual({ sent: 1, skipped: '' })
    const [message] = await sink.waitForMessages(1)
    await quietPeriod()
    expect(sink.messages).toHaveLength(1)
    expect(message.to).toEqual([staff.editor.email])
    expect(message.subject).toBe('[Agency Blog] 1 draft waiting for review')
    const text = message.text.replace(/\r\n/g, '\n')
    expect(text).toContain(`"${title}", submitted by ${staff.author.name}, `)
    expect(text).toContain(`  ${BASE}/admin/collections/posts/${draft.id}\n`)
    expect(text).toContain('You get this hourly digest')
    // Editors are never sent held comments.
    expect(text).not.toContain('moderation')
    expect((await storedDoc(t.payload, 'users', staff.editor.id)).doc).toMatchObject({
      lastDigestAt: first.toISOString(),
    })

    // Another hour, nothing new: nothing sent, and the window moves on.
    const second = new Date(first.getTime() + HOUR)
    expect(await digestAt(second)).toEqual({ sent: 0, skipped: '' })
    await quietPeriod()
    expect(sink.messages).toHaveLength(1)
    expect((await storedDoc(t.payload, 'users', staff.editor.id)).doc).toMatchObject({
      lastDigestAt: second.toISOString(),
    })
  })
})

describe('one digest for every topic', () => {
  it('sends an hourly admin ONE digest with held comments and waiting drafts, then nothing when nothing is new', async () => {
    const start = await freshWindow()
    await choose('admin', 'hourly', start)
    await choose('moderator', 'none')
    await choose('editor', 'none')
    const held = await createComment(t.payload, flood, {
      status: 'pending',
      body: 'Will the flood gates close tonight?',
      statusChangedAt: new Date().toISOString(),
    })
    const title = `Levee inspection ${unique()}`
    const draft = await submittedDraft(title)
    // A draft published before the digest no longer waits: not listed.
    const published = await submittedDraft(`Already out ${unique()}`)
    await t.payload.update({
      collection: 'posts',
      id: published.id,
      data: { _status: 'published' },
    })
    await runNotifications()
    await quietPeriod()
    expect(sink.messages).toEqual([])

    const first = new Date(start.getTime() + HOUR)
    expect(await digestAt(first)).toEqual({ sent: 1, skipped: '' })
    const [message] = await sink.waitForMessages(1)
    await quietPeriod()
    expect(sink.messages).toHaveLength(1)
    expect(message.to).toEqual([staff.admin.email])
    expect(message.subject).toBe(
      '[Agency Blog] 1 comment awaiting moderation, 1 draft waiting for review',
    )
    const text = message.text.replace(/\r\n/g, '\n')
    expect(text).toContain('1 comment held for moderation since')
    expect(text).toContain(`${BASE}/admin/moderation?status=pending&comment=${held.id}`)
    expect(text).toContain('1 draft submitted for review since')
    expect(text).toContain(`"${title}", submitted by`)
    expect(text).toContain(`${BASE}/admin/collections/posts/${draft.id}\n`)
    expect(text).not.toContain(`/admin/collections/posts/${published.id}\n`)
    // The comments' section comes first, the footer once.
    expect(text.indexOf('held for moderation')).toBeLessThan(text.indexOf('submitted for review'))
    expect(text.match(/You get this hourly digest/g)).toHaveLength(1)
    expect((await storedDoc(t.payload, 'users', staff.admin.id)).doc).toMatchObject({
      lastDigestAt: first.toISOString(),
    })

    const second = new Date(first.getTime() + HOUR)
    expect(await digestAt(second)).toEqual({ sent: 0, skipped: '' })
    await quietPeriod()
    expect(sink.messages).toHaveLength(1)
  })

  it('caps the drafts section and says how many more wait', async () => {
    const { DIGEST_LIMIT } = await import('@/jobs/sendModerationDigests')
    const start = await freshWindow()
    await choose('editor', 'daily', start)
    await choose('admin', 'none')
    // Stamped by the server as submitted drafts (the REST route would be slow for hundreds).
    const at = new Date().toISOString()
    for (let i = 0; i < DIGEST_LIMIT + 2; i++) {
      await t.payload.create({
        collection: 'posts',
        draft: true,
        data: {
          title: `Bulk draft ${i}`,
          body: simpleBody(),
          authors: [authorProfile],
          _status: 'draft',
          reviewStatus: 'submitted',
          submittedForReviewAt: at,
        },
      })
    }
    await digestAt(new Date(start.getTime() + 24 * HOUR))
    const [message] = await sink.waitForMessages(1)
    const text = message.text.replace(/\r\n/g, '\n')
    expect(message.subject).toBe(`[Agency Blog] ${DIGEST_LIMIT + 2} drafts waiting for review`)
    expect(text.match(/admin\/collections\/posts\/\d+\n/g)).toHaveLength(DIGEST_LIMIT)
    expect(text).toContain(
      `And 2 more: ${BASE}/admin/collections/posts?where[reviewStatus][equals]=submitted`,
    )
  })
})
