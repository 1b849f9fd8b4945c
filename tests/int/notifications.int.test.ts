import { _internal_jobSystemGlobals, type Payload } from 'payload'

import { runtimeOf } from '@/runtime/runtime'
import { NOTIFICATIONS_QUEUE } from '@/jobs/notifyModerators'
import type { Post } from '@/payload-types'

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
let post: Post

beforeAll(async () => {
  // payload.config.ts reads SMTP_URL when startTestPayload first imports it.
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload, { title: `Flood Outlook ${unique()}` })
})
afterAll(async () => {
  await t?.stop()
  await sink?.stop()
})
beforeEach(async () => {
  await setSiteSettings(t.payload, DISCUSSION_DEFAULTS)
  sink.setFailure(null)
  // Nothing left over from an earlier test: every queued notification has run.
  await runNotifications()
  sink.messages.length = 0
})

function runNotifications() {
  return t.payload.jobs.run({ queue: NOTIFICATIONS_QUEUE })
}

async function notificationJobs(payload: Payload, commentId: number | string) {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: 'notifyModerators' } },
    pagination: false,
    depth: 0,
  })
  return docs.filter((job) => (job.input as { comment?: string }).comment === String(commentId))
}

function submit(data: Record<string, unknown> = {}, token?: string) {
  return api.call<Submitted>('POST', '/comments', {
    token,
    json: {
      post: post.id,
      authorName: 'Robin Commenter',
      authorEmail: `robin-${unique()}@example.com`,
      body: `When will the levee work start? (${unique()})`,
      ...data,
    },
  })
}

/** Waits a moment for mail that must not come. */
const quietPeriod = () => new Promise((resolve) => setTimeout(resolve, 300))

describe('notifications.moderators', () => {
  it('emails the moderators and admins once about a new pending comment, naming the post and author', async () => {
    const res = await submit({ authorName: 'Robin Commenter' })
    expect(res.body.status).toBe('pending')
    const [job] = await notificationJobs(t.payload, res.body.id)
    expect(job).toMatchObject({ queue: NOTIFICATIONS_QUEUE, completedAt: null })

    await runNotifications()
    const [message] = await sink.waitForMessages(1)
    await quietPeriod()
    expect(sink.messages).toHaveLength(1)

    expect(message.to.sort()).toEqual([staff.admin.email, staff.moderator.email].sort())
    expect(message.to).not.toContain(staff.editor.email)
    expect(message.to).not.toContain(staff.author.email)
    expect(message.subject).toBe(`[Agency Blog] Comment awaiting moderation: "${post.title}"`)
    const text = message.text.replace(/\r\n/g, '\n')
    expect(text).toContain(`A comment on "${post.title}" is waiting for moderation.`)
    expect(text).toContain('Author: Robin Commenter')
    expect(text).toContain('Why it is held: First comment from this name and email')
    expect(text).toContain('When will the levee work start?')
    expect(text).toContain(`/posts/${post.slug}`)

    // Payload deletes a job once it completes.
    expect(await notificationJobs(t.payload, res.body.id)).toEqual([])

    // Run again: the job is done and nothing is sent twice.
    await runNotifications()
    await quietPeriod()
    expect(sink.messages).toHaveLength(1)
  })

  it.each([
    ['by signed-in staff', async () => submit({}, restAuth(staff, 'editor').token)],
    [
      'in moderation mode none',
      async () => {
        await setSiteSettings(t.payload, { moderationMode: 'none' })
        return submit()
      },
    ],
  ])('sends nothing for a comment approved at once (%s)', async (_, make) => {
    const res = await make()
    expect(res.body.status).toBe('approved')
    expect(await notificationJobs(t.payload, res.body.id)).toEqual([])
    await runNotifications()
    await quietPeriod()
    expect(sink.messages).toEqual([])
  })

  it.each([
    ['a filled honeypot (spam)', async () => submit({ homepage: 'https://bot.example/' })],
    [
      'a disallowed word (trash)',
      async () => {
        await setSiteSettings(t.payload, { disallowedWords: 'casino' })
        return submit({ body: `casino bonus ${unique()}` })
      },
    ],
  ])('sends nothing for a comment caught by %s', async (_, make) => {
    const res = await make()
    expect(res.status).toBe(201)
    expect(['spam', 'trash']).toContain(
      (await storedDoc(t.payload, 'comments', res.body.id)).doc?.status,
    )
    expect(await notificationJobs(t.payload, res.body.id)).toEqual([])
    await runNotifications()
    await quietPeriod()
    expect(sink.messages).toEqual([])
  })

  it('sends nothing for an imported pending comment', async () => {
    const imported = await createComment(t.payload, post, { status: 'pending' })
    expect(await notificationJobs(t.payload, imported.id)).toEqual([])
  })

  it('sends nothing while notifications are off in the settings', async () => {
    await setSiteSettings(t.payload, { notifyModerators: false })
    const res = await submit()
    expect(res.body.status).toBe('pending')
    await runNotifications()
    await quietPeriod()
    expect(sink.messages).toEqual([])
    // The job ran to completion (and was deleted) without sending anything.
    expect(await notificationJobs(t.payload, res.body.id)).toEqual([])
  })

  it('sends nothing when a moderator has dealt with the comment before the job runs', async () => {
    const res = await submit()
    await api.call('POST', '/comments/moderate', {
      ...restAuth(staff, 'moderator'),
      json: { ids: [res.body.id], action: 'approve' },
    })
    await runNotifications()
    await quietPeriod()
    expect(sink.messages).toEqual([])
    expect(await notificationJobs(t.payload, res.body.id)).toEqual([])
  })

  describe('when the mail server fails', () => {
    afterEach(() => {
      _internal_jobSystemGlobals.getCurrentDate = () => new Date()
    })

    it('keeps the comment, leaves the job to retry, and delivers once the server recovers', async () => {
      sink.setFailure(451)
      const res = await submit()
      expect(res.status).toBe(201)
      expect(res.body.status).toBe('pending')

      await runNotifications()
      expect(sink.messages).toEqual([])
      expect((await storedDoc(t.payload, 'comments', res.body.id)).doc?.status).toBe('pending')

      const [failed] = await notificationJobs(t.payload, res.body.id)
      expect(failed).toMatchObject({
        hasError: false,
        processing: false,
        totalTried: 1,
        completedAt: null,
      })
      expect(failed.log?.at(-1)).toMatchObject({
        state: 'failed',
        error: { message: expect.stringContaining('451') },
      })
      // Retried after a back-off, not at once.
      expect(Date.parse(failed.waitUntil!)).toBeGreaterThan(Date.now())
      await runNotifications()
      expect((await notificationJobs(t.payload, res.body.id))[0].totalTried).toBe(1)

      sink.setFailure(null)
      // The back-off passes.
      const later = Date.parse(failed.waitUntil!) + 1000
      _internal_jobSystemGlobals.getCurrentDate = () => new Date(later)
      await runNotifications()

      const [message] = await sink.waitForMessages(1)
      expect(message.subject).toContain(post.title)
      expect(sink.messages).toHaveLength(1)
      // Completed, so deleted: no further retries.
      expect(await notificationJobs(t.payload, res.body.id)).toEqual([])
    })
  })
})

describe('the job runner', () => {
  it('sends queued emails on its schedule only where jobs run (the server with JOBS=on, the worker)', async () => {
    const res = await submit({ body: `Runner check (${unique()})` })
    // Payload's REST handler has asked for the autoRun crons in this process: there are none,
    // since this runtime does not run jobs (as in a web instance with JOBS=off).
    expect(t.payload.crons).toEqual([])
    await quietPeriod()
    expect(sink.messages).toEqual([])
    expect(await notificationJobs(t.payload, res.body.id)).toHaveLength(1)

    // What src/start.ts (JOBS=on) and src/worker.ts do once the migrations are done.
    const { jobs } = runtimeOf(t.payload)
    jobs.runHere = true
    try {
      await t.payload._initializeCrons()
      expect(t.payload.crons.length).toBeGreaterThan(0)
      await Promise.all(t.payload.crons.map((cron) => cron.trigger()))
    } finally {
      jobs.runHere = false
      for (const cron of t.payload.crons.splice(0)) cron.stop()
    }
    const [message] = await sink.waitForMessages(1)
    expect(message.text).toContain('Runner check')
    expect(await notificationJobs(t.payload, res.body.id)).toEqual([])
  })
})

describe('links in staff emails', () => {
  // SERVER_URL is unset here, as in the quick start: links use the http://localhost:PORT default.
  const base = 'http://localhost:3000'

  it('are absolute in the moderators’ email', async () => {
    expect(runtimeOf(t.payload).config.serverUrlFromEnv).toBe(false)
    await submit()
    await runNotifications()
    const [message] = await sink.waitForMessages(1)
    const links = message.text.match(/(?:https?:\/\/\S+|\s\/\S+)/g) ?? []
    expect(links.length).toBeGreaterThan(0)
    for (const link of links) expect(link.startsWith(base)).toBe(true)
    expect(message.text).toContain(`${base}/admin/moderation?status=pending`)
  })

  it('are absolute in the password-reset email', async () => {
    await t.payload.forgotPassword({
      collection: 'users',
      data: { email: staff.editor.email },
      disableEmail: false,
    })
    const [message] = await sink.waitForMessages(1)
    const hrefs = [...message.raw.replace(/=\r?\n/g, '').matchAll(/href=(?:3D)?"([^"]+)"/g)].map(
      (match) => match[1],
    )
    expect(hrefs.length).toBeGreaterThan(0)
    for (const href of hrefs) expect(href).toMatch(new RegExp(`^${base}/admin/reset/[0-9a-f]+$`))
  })
})
