import { createLocalReq } from 'payload'

import { purgeExpiredComments } from '@/jobs/purgeExpiredComments'
import type { Comment, Post } from '@/payload-types'

import { auditCount, auditEntries } from '../helpers/auditTrail'
import { createComment, createPost, unique } from '../helpers/factories'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

const DAY_MS = 24 * 60 * 60 * 1000
const NOW = new Date('2026-11-20T03:30:00.000Z')
const daysAgo = (days: number, ms = 0) => new Date(NOW.getTime() - days * DAY_MS + ms).toISOString()

let t: TestPayload
let post: Post

beforeAll(async () => {
  t = await startTestPayload()
  post = await createPost(t.payload)
})
afterAll(async () => {
  await t?.stop()
})
beforeEach(async () => {
  await setSiteSettings(t.payload, DISCUSSION_DEFAULTS)
  // Each test starts from an empty discussion, so the purge's counts are this test's own.
  await t.payload.db.deleteMany({ collection: 'comments', where: {}, req: undefined })
})

/** A comment whose status last changed at `at` (and written then, unless data says otherwise). */
function commentChangedAt(status: Comment['status'], at: string, data: Partial<Comment> = {}) {
  return createComment(t.payload, post, {
    status,
    statusChangedAt: at,
    createdAt: at,
    body: `Comment ${unique()}`,
    ...data,
  })
}

/** A comment whose status last changed `days` (plus `ms`) before NOW. */
const commentChanged = (status: Comment['status'], days: number, ms = 0) =>
  commentChangedAt(status, daysAgo(days, ms))

async function purge(now = NOW) {
  return purgeExpiredComments(await createLocalReq({}, t.payload), now)
}

const exists = async (comment: Comment) =>
  (await storedDoc(t.payload, 'comments', comment.id)).doc !== null

const purgeEntries = () => auditEntries(t.payload, { action: { equals: 'comment-purge' } })

describe('retention.purge', () => {
  it('deletes spam and trash whose status changed more than 90 days ago', async () => {
    const oldSpam = await commentChanged('spam', 91)
    const oldTrash = await commentChanged('trash', 400)

    const result = await purge()
    expect(result).toEqual({ purged: 2, cutoff: daysAgo(90) })
    expect(await exists(oldSpam)).toBe(false)
    expect(await exists(oldTrash)).toBe(false)
  })

  it('keeps spam and trash up to the retention period, to the millisecond', async () => {
    const atCutoff = await commentChanged('spam', 90)
    const justOver = await commentChanged('trash', 90, -1)
    const recent = await commentChanged('trash', 10)

    expect((await purge()).purged).toBe(1)
    expect(await exists(atCutoff)).toBe(true)
    expect(await exists(justOver)).toBe(false)
    expect(await exists(recent)).toBe(true)
  })

  it('never deletes approved or pending comments, however old', async () => {
    const approved = await commentChanged('approved', 3650)
    const pending = await commentChanged('pending', 3650)

    expect((await purge()).purged).toBe(0)
    expect(await exists(approved)).toBe(true)
    expect(await exists(pending)).toBe(true)
  })

  it('goes by when the status changed, not when the comment was written', async () => {
    const recentlyTrashed = await commentChangedAt('trash', daysAgo(5), { createdAt: daysAgo(500) })
    expect((await purge()).purged).toBe(0)
    expect(await exists(recentlyTrashed)).toBe(true)
  })

  it('uses the retention period in the settings', async () => {
    await setSiteSettings(t.payload, { retentionDays: 120 })
    const kept = await commentChanged('spam', 100)
    const purged = await commentChanged('spam', 121)

    expect(await purge()).toEqual({ purged: 1, cutoff: daysAgo(120) })
    expect(await exists(kept)).toBe(true)
    expect(await exists(purged)).toBe(false)
  })

  it('keeps the replies to a purged comment, detached from it', async () => {
    const parent = await commentChanged('spam', 200)
    const reply = await createComment(t.payload, post, { status: 'approved', parent: parent.id })
    const replyBefore = (await storedDoc(t.payload, 'comments', reply.id)).doc!

    expect((await purge()).purged).toBe(1)
    expect(await exists(parent)).toBe(false)
    const replyAfter = (await storedDoc(t.payload, 'comments', reply.id)).doc!
    expect(replyAfter).toMatchObject({ parent: null, status: 'approved', body: replyBefore.body })
  })

  it('purges more comments than one batch', async () => {
    for (let i = 0; i < 105; i++) await commentChanged(i % 2 ? 'spam' : 'trash', 100)
    const keep = await commentChanged('approved', 100)
    expect((await purge()).purged).toBe(105)
    expect(await exists(keep)).toBe(true)
    expect((await t.payload.count({ collection: 'comments' })).totalDocs).toBe(1)
  })

  it('lets the server answer others between batches', async () => {
    // With SQLite's synchronous driver a batch's queries are settled promises: without a turn of
    // the event loop between batches, a spam wave's purge would hold every request until its end.
    for (let i = 0; i < 250; i++) await commentChanged('spam', 100)
    let timerRan = false
    setTimeout(() => (timerRan = true), 0)
    const { purged } = await purge()
    const ranDuringPurge = timerRan
    expect(purged).toBe(250)
    expect(ranDuringPurge).toBe(true)
  })

  it('writes one audit entry with the count, and none per comment', async () => {
    await commentChanged('spam', 100)
    await commentChanged('spam', 100)
    await commentChanged('trash', 100)
    await commentChanged('trash', 1)
    const before = await auditCount(t.payload)
    const entriesBefore = (await purgeEntries()).length

    await purge()
    expect(await auditCount(t.payload)).toBe(before + 1)
    const entries = await purgeEntries()
    expect(entries).toHaveLength(entriesBefore + 1)
    expect(entries.at(-1)).toMatchObject({
      action: 'comment-purge',
      targetType: 'comment',
      actorType: 'system',
      actor: null,
      actorName: 'system: retention purge',
      summary: 'Purged 3 spam and trash comments older than 90 days',
      reason: `Retention period: 90 days (status changed before ${daysAgo(90)})`,
      details: {
        purged: 3,
        byStatus: { spam: 2, trash: 1 },
        cutoff: daysAgo(90),
        retentionDays: 90,
      },
    })
  })

  it('records a purge that found nothing, with the count 0', async () => {
    await commentChanged('spam', 1)
    const entriesBefore = (await purgeEntries()).length
    await purge()
    const entries = await purgeEntries()
    expect(entries).toHaveLength(entriesBefore + 1)
    expect(entries.at(-1)).toMatchObject({
      summary: 'Purged 0 spam and trash comments older than 90 days',
      details: { purged: 0, byStatus: {} },
    })
  })

  it('purges old imported spam and trash that have no recorded status change, by their date', async () => {
    // Imports (and comments stored before statusChangedAt existed) carry no status date.
    const oldImport = await commentChangedAt('spam', daysAgo(200), { statusChangedAt: null })
    const recentImport = await commentChangedAt('trash', daysAgo(20), { statusChangedAt: null })
    const approvedImport = await commentChangedAt('approved', daysAgo(900), {
      statusChangedAt: null,
    })

    expect((await purge()).purged).toBe(1)
    expect(await exists(oldImport)).toBe(false)
    expect(await exists(recentImport)).toBe(true)
    expect(await exists(approvedImport)).toBe(true)
  })

  it('runs as the scheduled task from the job queue, at the current time', async () => {
    const now = Date.now()
    const expired = await commentChangedAt('trash', new Date(now - 91 * DAY_MS).toISOString())
    const kept = await commentChangedAt('trash', new Date(now - 89 * DAY_MS).toISOString())

    await t.payload.jobs.queue({ task: 'purgeExpiredComments', input: {} })
    await t.payload.jobs.run({ queue: 'default' })

    expect(await exists(expired)).toBe(false)
    expect(await exists(kept)).toBe(true)
    const [entry] = (await purgeEntries()).slice(-1)
    expect(entry.details).toMatchObject({ purged: 1, retentionDays: 90 })
  })
})
