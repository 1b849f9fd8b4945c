import type { Payload } from 'payload'

import { closeDatabase } from '@/db/closeDatabase'
import { NOTIFICATIONS_QUEUE } from '@/jobs/notifyModerators'
import { SPAM_QUEUE } from '@/jobs/recheckSpam'
import type { Post } from '@/payload-types'

import {
  akismetConfigFor,
  clearJobs,
  commentSubmitter,
  makeDue,
  received,
  storedComment,
  useAkismet,
} from '../helpers/akismetComments'
import { createApiClient, type ApiClient } from '../helpers/api'
import { auditEntries } from '../helpers/auditTrail'
import { createComment, createPost, createStaff, unique, type Staff } from '../helpers/factories'
import { startFakeAkismet, type FakeAkismet } from '../helpers/fakeAkismet'
import { startOtherInstance } from '../helpers/otherInstance'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

// Two job runners on one database, as two workers (or a worker and a server with JOBS=on) are:
// Payload instances 'a' and 'b', each with its own runtime, both running the same queue at the
// same moment, for a few rounds. Every job must run exactly once.

let sink: SmtpSink
let fake: FakeAkismet
let t: TestPayload
let a: Payload
let b: Payload
let api: ApiClient
let staff: Staff
let post: Post

const submit = commentSubmitter(
  () => api,
  () => post,
)

beforeAll(async () => {
  fake = await startFakeAkismet()
  // payload.config.ts reads SMTP_URL when startTestPayload first imports it.
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  t = await startTestPayload()
  // One at a time: Jest's ESM loader fails on concurrent imports of shared modules.
  a = await startOtherInstance('a', { runsJobs: true })
  b = await startOtherInstance('b', { runsJobs: true })
  api = await createApiClient()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload, { title: `Culvert Repairs ${unique()}` })
})
afterAll(async () => {
  for (const runner of [a, b]) if (runner) await closeDatabase(runner)
  await t?.stop()
  await sink?.stop()
  await fake?.stop()
})
beforeEach(async () => {
  await setSiteSettings(t.payload, { ...DISCUSSION_DEFAULTS, floodIntervalSeconds: 0 })
  await clearJobs(t.payload)
  sink.messages.length = 0
  fake.requests.length = 0
  fake.setFault(null)
})

/** Both runners on one queue at once, round after round, as two workers' crons would. */
async function runOnBoth(queue: string, rounds = 4) {
  for (let round = 0; round < rounds; round++) {
    await Promise.all([a.jobs.run({ queue, limit: 20 }), b.jobs.run({ queue, limit: 20 })])
  }
}

async function heldComment() {
  const comment = await createComment(t.payload, post, {
    status: 'pending',
    body: `Is the culvert on Mill Road included? (${unique()})`,
  })
  await t.payload.jobs.queue({
    task: 'notifyModerators',
    queue: NOTIFICATIONS_QUEUE,
    input: { comment: String(comment.id) },
  })
  return comment
}

async function jobsOfTask(task: string) {
  const { docs } = await t.payload.find({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: task } },
    pagination: false,
    depth: 0,
  })
  return docs
}

const mailAbout = (id: number) => sink.messages.filter((m) => m.text.includes(`Comment #${id},`))

describe('jobs.twoRunners', () => {
  it('sends one moderator email per held comment when two runners take the queue at once', async () => {
    const held = []
    for (let n = 0; n < 12; n++) held.push(await heldComment())

    await runOnBoth(NOTIFICATIONS_QUEUE)

    const recipients = mailAbout(held[0].id).length
    expect(recipients).toBeGreaterThan(0)
    for (const comment of held) expect(mailAbout(comment.id)).toHaveLength(recipients)
    expect(sink.messages).toHaveLength(held.length * recipients)
    // Each job completed (and was removed, as Payload does with completed jobs).
    expect(await jobsOfTask('notifyModerators')).toEqual([])
  })

  it('publishes a scheduled post once: one published version, one audit entry', async () => {
    const draft = await createPost(t.payload, { _status: 'draft', createdBy: staff.editor.id })
    await t.payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'posts', value: String(draft.id) },
        user: { relationTo: 'users', value: staff.editor.id },
      },
      waitUntil: new Date(Date.now() - 1000),
    } as Parameters<typeof t.payload.jobs.queue>[0])

    await runOnBoth('default')

    const after = await t.payload.findByID({ collection: 'posts', id: draft.id, depth: 0 })
    expect(after._status).toBe('published')
    const { totalDocs: publishedVersions } = await t.payload.countVersions({
      collection: 'posts',
      where: { parent: { equals: draft.id }, 'version._status': { equals: 'published' } },
    })
    expect(publishedVersions).toBe(1)
    const audit = await auditEntries(t.payload, {
      action: { equals: 'post-publish' },
      targetId: { equals: String(draft.id) },
    })
    expect(audit).toHaveLength(1)
  })

  it('asks Akismet once per comment when two runners recheck the same queue', async () => {
    useAkismet(t.payload, akismetConfigFor(fake))
    fake.setFault('http500')
    const bodies: string[] = []
    for (let n = 0; n < 8; n++) {
      const body = `Will the gauges be replaced? ${n} (${unique()})`
      const res = await submit({ body })
      expect(res.status).toBe(201)
      expect((await storedComment(t.payload, res.body.id)).spamCheck.verdict).toBe('error')
      bodies.push(body)
    }
    fake.setFault(null)
    fake.requests.length = 0
    await makeDue(t.payload, 'recheckSpam')
    // A generous timeout: a failed check would be queued again and not count as a second check.
    useAkismet(a, akismetConfigFor(fake, { timeoutMs: 5000 }))
    useAkismet(b, akismetConfigFor(fake, { timeoutMs: 5000 }))

    await runOnBoth(SPAM_QUEUE)

    for (const body of bodies) expect(received(fake, 'comment-check', body)).toHaveLength(1)
    expect(await jobsOfTask('recheckSpam')).toEqual([])
    useAkismet(t.payload, null)
    useAkismet(a, null)
    useAkismet(b, null)
  })

  it('runs a job left processing by a runner that stopped answering, once, and leaves a live one alone', async () => {
    const abandoned = await heldComment()
    const running = await heldComment()
    const [abandonedJob, runningJob] = await Promise.all(
      [abandoned, running].map(async (comment) => {
        const jobs = await jobsOfTask('notifyModerators')
        return jobs.find(
          (job) => (job.input as { comment: string }).comment === String(comment.id),
        )!
      }),
    )
    // Claimed six minutes ago and not touched since (past the five-minute lease); claimed now.
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000).toISOString()
    await t.payload.db.updateOne({
      collection: 'payload-jobs',
      id: abandonedJob.id,
      data: { processing: true, updatedAt: sixMinutesAgo },
    })
    await t.payload.db.updateOne({
      collection: 'payload-jobs',
      id: runningJob.id,
      data: { processing: true, updatedAt: new Date().toISOString() },
    })

    await runOnBoth(NOTIFICATIONS_QUEUE)

    expect(mailAbout(abandoned.id).length).toBeGreaterThan(0)
    expect(new Set(mailAbout(abandoned.id).map((m) => m.to.join()))).toHaveProperty(
      'size',
      mailAbout(abandoned.id).length,
    )
    expect(mailAbout(running.id)).toEqual([])
    const stillRunning = await t.payload.findByID({ collection: 'payload-jobs', id: runningJob.id })
    expect(stillRunning).toMatchObject({ processing: true, completedAt: null })
  })
})

// The schedule lock is PostgreSQL's (an advisory lock); SQLite and MongoDB run one job runner.
;(process.env.TEST_DATABASE === 'postgres' ? describe : describe.skip)('jobs.twoSchedulers', () => {
  it('queues the hourly digest and the daily purge once when two runners handle schedules at once', async () => {
    for (let round = 0; round < 3; round++) {
      await Promise.all([
        a.jobs.handleSchedules({ allQueues: true }),
        b.jobs.handleSchedules({ allQueues: true }),
      ])
    }
    for (const task of ['sendModerationDigests', 'purgeExpiredComments']) {
      const queued = await jobsOfTask(task)
      expect(queued).toHaveLength(1)
      expect(queued[0]).toMatchObject({ meta: { scheduled: true }, completedAt: null })
    }
  })
})
