import { createLocalReq } from 'payload'

import { NOTIFICATIONS_QUEUE } from '@/jobs/notifyModerators'
import { sendModerationDigests } from '@/jobs/sendModerationDigests'
import { HELD_COMMENTS, recipientsNow } from '@/notifications/staffNotices'
import type { Post, User } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import { restAuth } from '../helpers/callers'
import { createComment, createPost, createStaff, unique, type Staff } from '../helpers/factories'
import type { Submitted } from '../helpers/restBodies'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let sink: SmtpSink
let t: TestPayload
let api: ApiClient
let staff: Staff
let flood: Post
let levee: Post

// SERVER_URL is unset here, as in the quick start: links use the http://localhost:PORT default.
const BASE = 'http://localhost:3000'
const HOUR = 60 * 60 * 1000

beforeAll(async () => {
  // payload.config.ts reads SMTP_URL when startTestPayload first imports it.
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  flood = await createPost(t.payload, { title: `Flood Outlook ${unique()}` })
  levee = await createPost(t.payload, { title: `Levee Repairs ${unique()}` })
})
afterAll(async () => {
  await t?.stop()
  await sink?.stop()
})
beforeEach(async () => {
  await setSiteSettings(t.payload, { ...DISCUSSION_DEFAULTS, timeZone: 'UTC' })
  await t.payload.jobs.run({ queue: NOTIFICATIONS_QUEUE })
  sink.messages.length = 0
})

const quietPeriod = () => new Promise((resolve) => setTimeout(resolve, 300))

async function choose(role: keyof Staff, frequency: User['notificationFrequency']) {
  await t.payload.update({
    collection: 'users',
    id: staff[role].id,
    data: { notificationFrequency: frequency, lastDigestAt: null },
  })
}

function submit(title = 'When will the levee work start?') {
  return api.call<Submitted>('POST', '/comments', {
    json: {
      post: flood.id,
      authorName: 'Robin Commenter',
      authorEmail: `robin-${unique()}@example.com`,
      body: `${title} (${unique()})`,
    },
  })
}

describe('users.notificationFrequency access', () => {
  afterEach(() => choose('moderator', null))

  it('lets a staff member change their own choice', async () => {
    const res = await api.call('PATCH', `/users/${staff.moderator.id}`, {
      ...restAuth(staff, 'moderator'),
      json: { notificationFrequency: 'daily' },
    })
    expect(res.status).toBe(200)
    expect((await storedDoc(t.payload, 'users', staff.moderator.id)).doc).toMatchObject({
      notificationFrequency: 'daily',
    })
  })

  it('lets an admin change anyone’s choice', async () => {
    const res = await api.call('PATCH', `/users/${staff.moderator.id}`, {
      ...restAuth(staff, 'admin'),
      json: { notificationFrequency: 'none' },
    })
    expect(res.status).toBe(200)
    expect((await storedDoc(t.payload, 'users', staff.moderator.id)).doc).toMatchObject({
      notificationFrequency: 'none',
    })
  })

  it.each(['editor', 'author'] as const)(
    'refuses an %s changing a moderator’s choice, leaving it unchanged',
    async (caller) => {
      await choose('moderator', 'hourly')
      const res = await api.call('PATCH', `/users/${staff.moderator.id}`, {
        ...restAuth(staff, caller),
        json: { notificationFrequency: 'none' },
      })
      expect([403, 404]).toContain(res.status)
      expect((await storedDoc(t.payload, 'users', staff.moderator.id)).doc).toMatchObject({
        notificationFrequency: 'hourly',
      })
    },
  )

  it('refuses a value that is not a choice with a 400', async () => {
    const res = await api.call<{ errors: { message: string }[] }>(
      'PATCH',
      `/users/${staff.moderator.id}`,
      { ...restAuth(staff, 'moderator'), json: { notificationFrequency: 'weekly' } },
    )
    expect(res.status).toBe(400)
    expect((await storedDoc(t.payload, 'users', staff.moderator.id)).doc).toMatchObject({
      notificationFrequency: null,
    })
  })

  it('refuses anyone setting the last digest time (the job keeps it)', async () => {
    const res = await api.call<{ errors: { message: string }[] }>(
      'PATCH',
      `/users/${staff.moderator.id}`,
      { ...restAuth(staff, 'moderator'), json: { lastDigestAt: '2020-01-01T00:00:00.000Z' } },
    )
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toContain('lastDigestAt')
    expect((await storedDoc(t.payload, 'users', staff.moderator.id)).doc).toMatchObject({
      lastDigestAt: null,
    })
  })
})

describe('who is told at once', () => {
  afterEach(async () => {
    for (const role of ['admin', 'moderator', 'editor', 'author'] as const) await choose(role, null)
  })

  it('by default: admins and moderators, not editors or authors', async () => {
    const req = await createLocalReq({}, t.payload)
    expect((await recipientsNow(req, HELD_COMMENTS)).sort()).toEqual(
      [staff.admin.email, staff.moderator.email].sort(),
    )
  })

  it('follows each one’s choice; editors and authors are never sent held comments', async () => {
    await choose('admin', 'daily')
    await choose('moderator', 'immediate')
    await choose('editor', 'immediate')
    const req = await createLocalReq({}, t.payload)
    expect(await recipientsNow(req, HELD_COMMENTS)).toEqual([staff.moderator.email])

    await choose('moderator', 'none')
    const res = await submit()
    expect(res.body.status).toBe('pending')
    await t.payload.jobs.run({ queue: NOTIFICATIONS_QUEUE })
    await quietPeriod()
    expect(sink.messages).toEqual([])
  })
})

describe('the immediate email', () => {
  it('names the comment and links to it in the queue, absolutely, with the time in the agency zone', async () => {
    await setSiteSettings(t.payload, { timeZone: 'America/New_York' })
    const res = await submit('Is the north levee safe?')
    await t.payload.jobs.run({ queue: NOTIFICATIONS_QUEUE })
    const [message] = await sink.waitForMessages(1)
    const text = message.text.replace(/\r\n/g, '\n')
    expect(text).toContain(`Comment #${res.body.id}, received `)
    expect(text).toMatch(/received \w+ \d+, \d{4},? (at )?\d+:\d\d [AP]M E[SD]T/)
    expect(text).toContain(
      `Moderate it: ${BASE}/admin/moderation?status=pending&comment=${res.body.id}`,
    )
  })
})

/** A comment held now, as the submission path stores one (its status date is when it was held). */
function createHeld(post: Post, body: string) {
  return createComment(t.payload, post, {
    status: 'pending',
    body,
    statusChangedAt: new Date().toISOString(),
  })
}

describe('moderation digests', () => {
  beforeEach(async () => {
    // Clear every comment held by earlier tests out of the digests' way.
    await t.payload.update({
      collection: 'comments',
      where: { status: { equals: 'pending' } },
      data: { status: 'trash' },
    })
  })
  afterEach(async () => {
    for (const role of ['admin', 'moderator'] as const) await choose(role, null)
  })

  async function digestAt(now: Date) {
    return sendModerationDigests(await createLocalReq({}, t.payload), now)
  }

  it('sends an hourly subscriber one email for many held comments, grouped by post, then nothing when nothing is new', async () => {
    await choose('moderator', 'hourly')
    await choose('admin', 'none')
    const start = Date.now()
    const floodComments = []
    for (let i = 0; i < 7; i++) {
      floodComments.push(await createHeld(flood, `Flood question ${i}`))
    }
    for (let i = 0; i < 5; i++) {
      await createHeld(levee, `Levee question ${i}`)
    }
    // Not news: an approved comment, and an imported pending one (no immediate email either).
    await createComment(t.payload, levee, { status: 'approved', body: 'Approved one' })
    await createComment(t.payload, levee, { status: 'pending', body: 'Imported one' })

    const first = new Date(start + 60_000)
    expect(await digestAt(first)).toEqual({ sent: 1, skipped: '' })
    await quietPeriod()
    expect(sink.messages).toHaveLength(1)
    const [message] = sink.messages
    expect(message.to).toEqual([staff.moderator.email])
    expect(message.subject).toBe('[Agency Blog] 12 comments awaiting moderation')
    const text = message.text.replace(/\r\n/g, '\n')
    expect(text).toContain(`"${flood.title}": 7 comments`)
    expect(text).toContain(`"${levee.title}": 5 comments`)
    expect(text).not.toContain('Approved one')
    expect(text).not.toContain('Imported one')
    // Grouped: every flood comment comes before the levee heading.
    expect(text.lastIndexOf('Flood question')).toBeLessThan(text.indexOf(levee.title))
    for (const comment of floodComments) {
      expect(text).toContain(`${BASE}/admin/moderation?status=pending&comment=${comment.id}`)
    }
    expect((await storedDoc(t.payload, 'users', staff.moderator.id)).doc).toMatchObject({
      lastDigestAt: first.toISOString(),
    })

    // Within the hour: not due.
    expect(await digestAt(new Date(first.getTime() + 10 * 60_000))).toEqual({
      sent: 0,
      skipped: '',
    })
    // An hour later with nothing new: due, but nothing to send.
    const second = new Date(first.getTime() + HOUR)
    expect(await digestAt(second)).toEqual({ sent: 0, skipped: '' })
    await quietPeriod()
    expect(sink.messages).toHaveLength(1)
    expect((await storedDoc(t.payload, 'users', staff.moderator.id)).doc).toMatchObject({
      lastDigestAt: second.toISOString(),
    })
  })

  it('lists each comment once across digests: the next one starts where the last ended', async () => {
    await choose('moderator', 'hourly')
    await choose('admin', 'none')
    const before = await createHeld(flood, 'Before the digest')
    const first = new Date(Date.now() + 1000)
    await digestAt(first)
    await sink.waitForMessages(1)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const after = await createHeld(flood, 'After the digest')
    await digestAt(new Date(first.getTime() + HOUR))
    const [, second] = await sink.waitForMessages(2)
    expect(second.text).toContain(`comment=${after.id}`)
    expect(second.text).not.toContain(`comment=${before.id}`)
    expect(second.subject).toBe('[Agency Blog] 1 comment awaiting moderation')
  })

  it('caps a digest and says how many more wait', async () => {
    await choose('moderator', 'daily')
    await choose('admin', 'none')
    const { DIGEST_LIMIT } = await import('@/jobs/sendModerationDigests')
    const start = Date.now()
    const rows = Array.from({ length: DIGEST_LIMIT + 3 }, (_, i) => i)
    for (const i of rows) {
      await createHeld(levee, `Bulk ${i}`)
    }
    await digestAt(new Date(start + 60_000))
    const [message] = await sink.waitForMessages(1)
    const text = message.text.replace(/\r\n/g, '\n')
    expect(message.subject).toBe(`[Agency Blog] ${DIGEST_LIMIT + 3} comments awaiting moderation`)
    expect(text.match(/comment=\d+/g)).toHaveLength(DIGEST_LIMIT)
    expect(text).toContain(`And 3 more: ${BASE}/admin/moderation?status=pending`)
    expect(text).toContain('You get this daily digest')
  })

  it('runs as a task of the job runner', async () => {
    await choose('moderator', 'hourly')
    await choose('admin', 'none')
    const held = await createHeld(flood, 'From the runner')
    const job = await t.payload.jobs.queue({ task: 'sendModerationDigests', input: {} })
    await t.payload.jobs.run({ queue: 'default' })
    const [message] = await sink.waitForMessages(1)
    expect(message.to).toEqual([staff.moderator.email])
    expect(message.text).toContain(`comment=${held.id}`)
    // Completed, so deleted; a failed job would stay with its error. (Payload's scheduler may
    // have queued the next hour's run beside it.)
    const { docs } = await t.payload.find({
      collection: 'payload-jobs',
      where: { id: { equals: job.id } },
      depth: 0,
    })
    expect(docs).toEqual([])
  })
})
