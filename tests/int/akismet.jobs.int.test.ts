import { createLocalReq } from 'payload'

import { COMMENT_MESSAGES as M } from '@/comments/rules/messages'
import type { CommentStatus } from '@/comments/rules/statuses'
import { NOTIFICATIONS_QUEUE } from '@/jobs/notifyModerators'
import { recheckSpam, SPAM_QUEUE } from '@/jobs/recheckSpam'
import type { Post } from '@/payload-types'
import type { AkismetConfig } from '@/config/akismet'

import {
  akismetConfigFor,
  clearJobs,
  commentSubmitter,
  freshIp,
  GUID,
  jobsOf,
  makeDue,
  received,
  storedComment,
  useAkismet,
} from '../helpers/akismetComments'
import { createApiClient, type ApiClient } from '../helpers/api'
import { createPost, createStaff, unique, type Staff } from '../helpers/factories'
import { startFakeAkismet, type FakeAkismet } from '../helpers/fakeAkismet'
import type { Refusal } from '../helpers/restBodies'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

// What happens after submission: the recheckSpam job recovering comments whose check failed, and
// the reportToAkismet job teaching Akismet a moderator's decisions. Both run on the 'spam' queue.

type Moderated = { results: { id: number; status: CommentStatus }[]; errors: unknown[] }

let sink: SmtpSink
let t: TestPayload
let api: ApiClient
let staff: Staff
let post: Post
let fake: FakeAkismet
let config: AkismetConfig

const submit = commentSubmitter(
  () => api,
  () => post,
)
const GUARANTEED_SPAM = 'akismet-guaranteed-spam'

beforeAll(async () => {
  fake = await startFakeAkismet()
  // payload.config.ts reads SMTP_URL when startTestPayload first imports it.
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload, { title: `Levee Inspection ${unique()}` })
  config = akismetConfigFor(fake)
})
afterAll(async () => {
  if (t) useAkismet(t.payload, null)
  await t?.stop()
  await sink?.stop()
  await fake?.stop()
})
beforeEach(async () => {
  await setSiteSettings(t.payload, { ...DISCUSSION_DEFAULTS, floodIntervalSeconds: 0 })
  useAkismet(t.payload, config)
  await clearJobs(t.payload)
  fake.setFault(null)
  fake.requests.length = 0
  sink.messages.length = 0
})

const runSpamQueue = () => t.payload.jobs.run({ queue: SPAM_QUEUE, limit: 500 })
const runNotifications = () => t.payload.jobs.run({ queue: NOTIFICATIONS_QUEUE, limit: 100 })
/** Waits a moment for mail that must not come. */
const quietPeriod = () => new Promise((resolve) => setTimeout(resolve, 300))

function moderate(id: number, action: string) {
  return api.call<Moderated & Refusal>('POST', '/comments/moderate', {
    token: staff.moderator.token,
    json: { ids: [id], action },
  })
}

/** Submits a comment while Akismet answers 500: stored pending, verdict error, recheck queued. */
async function submitWhileFailing(data: Record<string, unknown> = {}) {
  fake.setFault('http500')
  const res = await submit(data)
  fake.setFault(null)
  expect((await storedComment(t.payload, res.body.id)).spamCheck.verdict).toBe('error')
  return res.body.id
}

/** The request fields without the key, which is the one thing a report may send differently. */
const withoutKey = ({ api_key: _key, ...fields }: Record<string, string>) => fields

describe('Rechecking a comment whose check failed', () => {
  it('checks 100 comments stored while Akismet was failing, each once more when it is back', async () => {
    // The queue hands over all 100 rechecks at once; the job keeps a few in flight at a time, so
    // each answer is read well within the deadline (with all 100 at once, many timed out at 2 s).
    useAkismet(t.payload, { ...config, timeoutMs: 2000 })
    fake.setFault('close')
    const submitted: { id: number; body: string; spam: boolean }[] = []
    for (let n = 0; n < 100; n++) {
      const spam = n % 4 === 0
      const body = `Comment ${n} on the levee (${unique()})`
      const res = await submit({ body, ...(spam ? { authorName: GUARANTEED_SPAM } : {}) })
      expect(res.status).toBe(201)
      expect(res.body).toEqual({
        id: expect.any(Number),
        status: 'pending',
        message: M.awaitingModeration,
      })
      submitted.push({ id: res.body.id, body, spam })
    }
    const ids = submitted.map(({ id }) => id)
    const { docs: held } = await t.payload.find({
      collection: 'comments',
      where: { id: { in: ids } },
      pagination: false,
      depth: 0,
    })
    expect(held).toHaveLength(100)
    for (const doc of held) {
      expect(doc).toMatchObject({ status: 'pending', spamCheck: { verdict: 'error' } })
    }
    expect(await jobsOf(t.payload, 'recheckSpam')).toHaveLength(100)
    expect(await jobsOf(t.payload, 'notifyModerators')).toEqual([])
    const firstAttempts = [...fake.requests]

    // Akismet is back and the retry interval has passed.
    fake.setFault(null)
    fake.requests.length = 0
    await makeDue(t.payload, 'recheckSpam')
    await runSpamQueue()

    for (const { id, body, spam } of submitted) {
      const rechecks = received(fake, 'comment-check', body)
      expect(rechecks).toHaveLength(1)
      // The same data as the failed attempt, the submission time included.
      const [failed] = firstAttempts.filter((request) => request.fields.comment_content === body)
      expect(rechecks[0].fields).toEqual(failed.fields)

      const stored = await storedComment(t.payload, id)
      expect(stored).toMatchObject(
        spam
          ? { status: 'spam', statusReason: 'Akismet (rechecked)', spamCheck: { verdict: 'spam' } }
          : {
              status: 'pending',
              statusReason: 'First comment from this name and email',
              spamCheck: { verdict: 'ham' },
            },
      )
      expect(stored.spamCheck.details?.history).toEqual([
        expect.objectContaining({
          kind: 'check',
          error: expect.objectContaining({ code: 'AKISMET_NETWORK' }),
        }),
        expect.objectContaining({
          kind: 'recheck',
          verdict: spam ? 'spam' : 'ham',
          guid: expect.stringMatching(GUID),
        }),
      ])
      // The moderator email, held while the check had failed, follows the rules' decision.
      expect(await jobsOf(t.payload, 'notifyModerators', id)).toHaveLength(spam ? 0 : 1)
    }
    expect(fake.requests).toHaveLength(100)
    expect(await jobsOf(t.payload, 'recheckSpam')).toEqual([])

    // Nothing is checked a third time.
    await makeDue(t.payload, 'recheckSpam')
    await runSpamQueue()
    expect(fake.requests).toHaveLength(100)
  }, 120_000)

  it('emails the moderators about a rechecked comment the rules hold, and not before', async () => {
    const id = await submitWhileFailing({ authorName: 'Robin Held' })
    await runNotifications()
    await quietPeriod()
    expect(sink.messages).toEqual([])

    expect(await recheckSpam(await createLocalReq({}, t.payload), String(id))).toBe('ham')

    expect(await storedComment(t.payload, id)).toMatchObject({
      status: 'pending',
      spamCheck: { verdict: 'ham' },
    })
    await runNotifications()
    const [message] = await sink.waitForMessages(1)
    expect(message.text).toContain('Author: Robin Held')
    expect(message.text).toContain('Why it is held: First comment from this name and email')
  })

  it('publishes a rechecked comment the rules let through, with no email', async () => {
    await setSiteSettings(t.payload, { moderationMode: 'none' })
    const id = await submitWhileFailing()

    expect(await recheckSpam(await createLocalReq({}, t.payload), String(id))).toBe('ham')

    expect(await storedComment(t.payload, id)).toMatchObject({
      status: 'approved',
      statusReason: 'Passed every rule',
      spamCheck: { verdict: 'ham' },
    })
    expect(await jobsOf(t.payload, 'notifyModerators', id)).toEqual([])
  })

  it('queues another recheck when Akismet fails again, and tells nobody yet', async () => {
    const id = await submitWhileFailing()
    const before = await storedComment(t.payload, id)

    fake.setFault('hang')
    await makeDue(t.payload, 'recheckSpam')
    const started = Date.now()
    await runSpamQueue()

    const stored = await storedComment(t.payload, id)
    expect(stored).toMatchObject({
      status: 'pending',
      statusReason: before.statusReason,
      spamCheck: { verdict: 'error' },
    })
    expect(stored.spamCheck.details?.history).toEqual([
      ...before.spamCheck.details!.history,
      {
        kind: 'recheck',
        at: stored.spamCheck.checkedAt,
        error: {
          code: 'AKISMET_TIMEOUT',
          message: `Akismet did not answer within ${config.timeoutMs} ms`,
        },
      },
    ])
    const [next, ...more] = await jobsOf(t.payload, 'recheckSpam', id)
    expect(more).toEqual([])
    expect(next).toMatchObject({ queue: SPAM_QUEUE, completedAt: null, totalTried: 0 })
    expect(Date.parse(next.waitUntil!)).toBeGreaterThanOrEqual(started + config.retryIntervalMs)
    expect(await jobsOf(t.payload, 'notifyModerators', id)).toEqual([])
  })

  it('gives up after giveUpAfterMs: the verdict stays error, the reason says so, moderators are told', async () => {
    const id = await submitWhileFailing({ authorName: 'Robin Unchecked' })
    await clearJobs(t.payload)
    const { createdAt } = await storedComment(t.payload, id)
    const past = new Date(Date.parse(createdAt) + config.giveUpAfterMs + 60_000)

    fake.setFault('http500')
    expect(await recheckSpam(await createLocalReq({}, t.payload), String(id), past)).toBe('gave up')

    const stored = await storedComment(t.payload, id)
    expect(stored).toMatchObject({
      status: 'pending',
      statusReason: 'Spam check gave up; a moderator decides',
      spamCheck: { verdict: 'error' },
    })
    expect(stored.spamCheck.details?.history.at(-1)).toEqual({
      kind: 'recheck',
      at: past.toISOString(),
      error: { code: 'AKISMET_HTTP', message: 'Akismet answered with HTTP status 500' },
    })
    expect(await jobsOf(t.payload, 'recheckSpam', id)).toEqual([])
    await runNotifications()
    const [message] = await sink.waitForMessages(1)
    expect(message.text).toContain('Author: Robin Unchecked')
    expect(message.text).toContain('Why it is held: Spam check gave up; a moderator decides')
  })

  it('records the verdict but keeps the status a moderator chose before the recheck', async () => {
    const id = await submitWhileFailing({ authorName: GUARANTEED_SPAM })
    const approved = await moderate(id, 'approve')
    expect(approved.status).toBe(200)
    const before = await storedComment(t.payload, id)
    expect(before.status).toBe('approved')

    await makeDue(t.payload, 'recheckSpam')
    await runSpamQueue()

    const stored = await storedComment(t.payload, id)
    expect(stored).toMatchObject({
      status: 'approved',
      statusReason: before.statusReason,
      spamCheck: { verdict: 'spam' },
    })
    expect(stored.spamCheck.details?.history.at(-1)).toMatchObject({
      kind: 'recheck',
      verdict: 'spam',
    })
    expect(await jobsOf(t.payload, 'notifyModerators', id)).toEqual([])
    // The moderator approved before Akismet had a verdict: nothing to teach it.
    expect(await jobsOf(t.payload, 'reportToAkismet', id)).toEqual([])
  })

  it('skips a comment that has a verdict already', async () => {
    const res = await submit()
    expect(await recheckSpam(await createLocalReq({}, t.payload), String(res.body.id))).toBe(
      'skipped',
    )
    expect(received(fake, 'comment-check')).toHaveLength(1)
  })
})

describe('Teaching Akismet', () => {
  it('sends submit-spam, with the data of the original check, when a moderator marks ham as spam', async () => {
    await setSiteSettings(t.payload, { moderationMode: 'none' })
    const res = await submit()
    const [check] = received(fake, 'comment-check')

    const moderated = await moderate(res.body.id, 'spam')
    expect(moderated.status).toBe(200)
    expect(moderated.body.results).toEqual([{ id: res.body.id, status: 'spam' }])
    // Queued, not sent while the moderator waits.
    expect(fake.requests).toEqual([check])
    const [job] = await jobsOf(t.payload, 'reportToAkismet', res.body.id)
    expect(job).toMatchObject({
      queue: SPAM_QUEUE,
      input: { comment: String(res.body.id), kind: 'spam', by: staff.moderator.email },
    })

    await runSpamQueue()

    const [report, ...more] = received(fake, 'submit-spam')
    expect(more).toEqual([])
    expect(report.fields.api_key).toBe(fake.validKey)
    expect(withoutKey(report.fields)).toEqual(withoutKey(check.fields))
    expect(received(fake, 'submit-ham')).toEqual([])
    const stored = await storedComment(t.payload, res.body.id)
    expect(stored).toMatchObject({ status: 'spam', spamCheck: { verdict: 'ham' } })
    expect(stored.spamCheck.details?.reportedAs).toBe('spam')
    expect(stored.spamCheck.details?.history.at(-1)).toEqual({
      kind: 'submit-spam',
      at: expect.any(String),
      guid: expect.stringMatching(GUID),
      by: staff.moderator.email,
    })
    expect(await jobsOf(t.payload, 'reportToAkismet', res.body.id)).toEqual([])
  })

  it.each([
    ['approves', 'approve', 'approved'],
    ['marks as not spam', 'not-spam', 'pending'],
  ] as const)(
    'sends submit-ham when a moderator %s a comment Akismet caught',
    async (_, action, status) => {
      const res = await submit({ authorName: GUARANTEED_SPAM })
      const [check] = received(fake, 'comment-check')

      const moderated = await moderate(res.body.id, action)
      expect(moderated.body.results).toEqual([{ id: res.body.id, status }])
      await runSpamQueue()

      const [report, ...more] = received(fake, 'submit-ham')
      expect(more).toEqual([])
      expect(withoutKey(report.fields)).toEqual(withoutKey(check.fields))
      expect(received(fake, 'submit-spam')).toEqual([])
      const stored = await storedComment(t.payload, res.body.id)
      expect(stored).toMatchObject({ status, spamCheck: { verdict: 'spam' } })
      expect(stored.spamCheck.details?.reportedAs).toBe('ham')
      expect(stored.spamCheck.details?.history.at(-1)).toMatchObject({
        kind: 'submit-ham',
        by: staff.moderator.email,
      })
    },
  )

  it('reports each change of mind, one at a time and in order, keeping every entry', async () => {
    const res = await submit({ authorName: GUARANTEED_SPAM })
    await moderate(res.body.id, 'approve')
    await moderate(res.body.id, 'spam')
    // Both reports are due in the same run of the queue, which runs its jobs in parallel.
    await runSpamQueue()

    expect(fake.requests.map((request) => request.path)).toEqual([
      '/1.1/comment-check',
      '/1.1/submit-ham',
      '/1.1/submit-spam',
    ])
    const stored = await storedComment(t.payload, res.body.id)
    expect(stored.spamCheck.details?.reportedAs).toBe('spam')
    expect(stored.spamCheck.details?.history.map((entry) => entry.kind)).toEqual([
      'check',
      'submit-ham',
      'submit-spam',
    ])
  })

  it.each([
    ['approves a comment Akismet passed', {}, 'approve'],
    ['trashes a comment Akismet caught', { authorName: GUARANTEED_SPAM }, 'trash'],
  ])('sends nothing when a moderator %s', async (_, data, action) => {
    const res = await submit(data)
    expect((await moderate(res.body.id, action)).status).toBe(200)
    await runSpamQueue()

    expect(await jobsOf(t.payload, 'reportToAkismet')).toEqual([])
    expect(fake.requests.map((request) => request.path)).toEqual(['/1.1/comment-check'])
  })

  it('never reports automatic changes: rechecks and the moderation rules', async () => {
    await setSiteSettings(t.payload, { moderationMode: 'none', disallowedWords: 'casino' })
    const spam = await submitWhileFailing({ authorName: GUARANTEED_SPAM })
    const ham = await submitWhileFailing()
    const trashed = await submit({ body: `casino night ${unique()}` })

    await makeDue(t.payload, 'recheckSpam')
    await runSpamQueue()
    await runSpamQueue()

    expect((await storedComment(t.payload, spam)).status).toBe('spam')
    expect((await storedComment(t.payload, ham)).status).toBe('approved')
    expect((await storedComment(t.payload, trashed.body.id)).status).toBe('trash')
    expect(await jobsOf(t.payload, 'reportToAkismet')).toEqual([])
    expect(received(fake, 'submit-spam')).toEqual([])
    expect(received(fake, 'submit-ham')).toEqual([])
  })

  it('never holds up the moderator: a failed report is recorded and retried by the queue', async () => {
    await setSiteSettings(t.payload, { moderationMode: 'none' })
    const res = await submit()
    fake.setFault('http500')

    const moderated = await moderate(res.body.id, 'spam')
    expect(moderated.status).toBe(200)
    expect(received(fake, 'submit-spam')).toEqual([])
    expect((await storedComment(t.payload, res.body.id)).status).toBe('spam')

    await runSpamQueue()

    expect(received(fake, 'submit-spam')).toHaveLength(1)
    const [failed] = await jobsOf(t.payload, 'reportToAkismet', res.body.id)
    expect(failed).toMatchObject({ hasError: false, totalTried: 1, completedAt: null })
    expect(failed.log?.at(-1)).toMatchObject({ state: 'failed' })
    // Retried after a back-off, not at once.
    expect(Date.parse(failed.waitUntil!)).toBeGreaterThan(Date.now())
    const afterFailure = await storedComment(t.payload, res.body.id)
    expect(afterFailure.status).toBe('spam')
    expect(afterFailure.spamCheck.details?.history.at(-1)).toEqual({
      kind: 'submit-spam',
      at: expect.any(String),
      error: { code: 'AKISMET_HTTP', message: 'Akismet answered with HTTP status 500' },
      by: staff.moderator.email,
    })

    fake.setFault(null)
    await makeDue(t.payload, 'reportToAkismet')
    await runSpamQueue()

    expect(received(fake, 'submit-spam')).toHaveLength(2)
    expect(
      (await storedComment(t.payload, res.body.id)).spamCheck.details?.history.at(-1),
    ).toMatchObject({ kind: 'submit-spam', guid: expect.stringMatching(GUID) })
    expect(await jobsOf(t.payload, 'reportToAkismet', res.body.id)).toEqual([])
  })
})

describe('spam checks queued by GraphQL and the Local API', () => {
  // Payload opens the write's transaction before any hook runs, so a comment created through
  // GraphQL or the Local API is not checked inside it: it is held, and the spam queue checks it.
  const CREATE_COMMENT = `mutation ($data: mutationCommentInput!) {
    createComment(data: $data) { id status }
  }`
  const createByGraphql = (data: Record<string, unknown>) =>
    api.graphql<{ createComment: { id: number; status: string } }>(CREATE_COMMENT, {
      variables: {
        data: {
          status: 'approved',
          post: post.id,
          authorEmail: `gql-${unique()}@example.org`,
          body: `Asked through GraphQL (${unique()}).`,
          ...data,
        },
      },
      headers: { 'x-real-ip': freshIp(), 'user-agent': 'GraphQL client/1.0' },
    })

  it('holds a GraphQL comment, asks Akismet from the queue, then applies the rules', async () => {
    await setSiteSettings(t.payload, { moderationMode: 'none' })
    const gql = await createByGraphql({ authorName: 'Quinn Graph' })
    const created = gql.body.data!.createComment
    expect(created.status).toBe('pending')
    expect(received(fake, 'comment-check')).toEqual([])
    expect(await storedComment(t.payload, created.id)).toMatchObject({
      status: 'pending',
      statusRule: 'spam check queued',
      spamCheck: { verdict: 'unchecked' },
    })
    const [job] = await jobsOf(t.payload, 'recheckSpam', created.id)
    expect(Date.parse(job.waitUntil!)).toBeLessThanOrEqual(Date.now())

    await runSpamQueue()

    const [check] = received(fake, 'comment-check')
    expect(check.fields).toMatchObject({
      comment_author: 'Quinn Graph',
      user_agent: 'GraphQL client/1.0',
    })
    const checked = await storedComment(t.payload, created.id)
    expect(checked).toMatchObject({
      status: 'approved',
      statusRule: 'Akismet recheck',
      spamCheck: { verdict: 'ham' },
    })
    expect(checked.spamCheck.details?.history.map((entry) => entry.kind)).toEqual(['check'])
    // Nobody is asked to moderate a comment the rules approved.
    await runNotifications()
    await quietPeriod()
    expect(sink.messages).toEqual([])
  })

  it('marks a queued comment spam when Akismet says so, and emails nobody', async () => {
    const gql = await createByGraphql({ authorName: GUARANTEED_SPAM })
    const { id } = gql.body.data!.createComment
    await runSpamQueue()
    expect(await storedComment(t.payload, id)).toMatchObject({
      status: 'spam',
      statusReason: 'Akismet',
      spamCheck: { verdict: 'spam' },
    })
    await runNotifications()
    await quietPeriod()
    expect(sink.messages).toEqual([])
  })

  it('tells the moderators once a queued comment the rules hold has been checked', async () => {
    await setSiteSettings(t.payload, { moderationMode: 'all' })
    const gql = await createByGraphql({ authorName: 'Held Graph' })
    const { id } = gql.body.data!.createComment
    await runNotifications()
    await quietPeriod()
    expect(sink.messages).toEqual([])

    await runSpamQueue()
    await runNotifications()
    const [message] = await sink.waitForMessages(1)
    expect(message.text).toContain('Held Graph')
    expect((await storedComment(t.payload, id)).statusReason).toBe(
      'Every comment is held for moderation',
    )
  })
})
