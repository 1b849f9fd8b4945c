import { jest } from '@jest/globals'

import { COMMENT_MESSAGES as M } from '@/comments/rules/messages'
import type { Comment, Post } from '@/payload-types'
import type { AkismetConfig } from '@/config/akismet'
import { runtimeOf } from '@/runtime/runtime'
import { verifyAkismet } from '@/spam/akismetStatus'

import {
  akismetConfigFor,
  commentSubmitter,
  GUID,
  jobsOf,
  received,
  SITE_URL,
  storedComment,
  useAkismet,
} from '../helpers/akismetComments'
import { createApiClient, type ApiClient } from '../helpers/api'
import { restAuth } from '../helpers/callers'
import { createComment, createPost, createStaff, unique, type Staff } from '../helpers/factories'
import { startFakeAkismet, type FakeAkismet } from '../helpers/fakeAkismet'
import type { Docs } from '../helpers/restBodies'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

// Comments submitted over REST, checked by our wrapper and the real akismet-api client against a
// local server speaking Akismet's protocol. The wrapper alone is tested in akismet.int.test.ts;
// the recheck and report jobs in akismet.jobs.int.test.ts.

let t: TestPayload
let api: ApiClient
let staff: Staff
let post: Post
let fake: FakeAkismet
/** A server that was started and stopped: its address refuses connections. */
let stoppedFake: FakeAkismet
let config: AkismetConfig

const submit = commentSubmitter(
  () => api,
  () => post,
)

beforeAll(async () => {
  fake = await startFakeAkismet()
  stoppedFake = await startFakeAkismet()
  await stoppedFake.stop()
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload, { title: `River Gauges ${unique()}` })
  config = akismetConfigFor(fake)
})
afterAll(async () => {
  if (t) useAkismet(t.payload, null)
  await t?.stop()
  await fake?.stop()
})
beforeEach(async () => {
  await setSiteSettings(t.payload, { ...DISCUSSION_DEFAULTS, floodIntervalSeconds: 0 })
  useAkismet(t.payload, config)
  fake.setFault(null)
  fake.requests.length = 0
})

async function publicCommentIds(): Promise<number[]> {
  const res = await api.call<Docs<Comment>>(
    'GET',
    `/comments?where[post][equals]=${post.id}&limit=100`,
  )
  expect(res.status).toBe(200)
  return res.body.docs.map((doc) => doc.id)
}

const awaitingModeration = {
  id: expect.any(Number),
  status: 'pending',
  message: M.awaitingModeration,
}

describe('Akismet on submission', () => {
  it('stores spam as spam with Akismet\'s answer, answers "awaiting moderation" and hides it', async () => {
    const res = await submit({ authorName: 'akismet-guaranteed-spam' })

    // Nothing in the answer tells a bot it was caught.
    expect(res.status).toBe(201)
    expect(res.body).toEqual(awaitingModeration)
    const stored = await storedComment(t.payload, res.body.id)
    expect(stored).toMatchObject({
      status: 'spam',
      statusReason: 'Akismet',
      spamCheck: { verdict: 'spam', discard: false },
    })
    expect(stored.spamCheck.details?.history).toEqual([
      {
        kind: 'check',
        at: stored.spamCheck.checkedAt,
        verdict: 'spam',
        discard: false,
        proTip: null,
        guid: expect.stringMatching(GUID),
      },
    ])
    expect(Date.now() - Date.parse(stored.spamCheck.checkedAt!)).toBeLessThan(60_000)
    expect(await publicCommentIds()).not.toContain(res.body.id)
    expect((await api.call('GET', `/comments/${res.body.id}`)).status).toBe(404)
    expect(await jobsOf(t.payload, 'notifyModerators', res.body.id)).toEqual([])
  })

  it('keeps blatant spam (pro-tip discard), flagged as such, never deleting it', async () => {
    const res = await submit({ body: `Cheap pills ${fake.blatantMarker} ${unique()}` })

    expect(res.status).toBe(201)
    expect(res.body).toEqual(awaitingModeration)
    const stored = await storedComment(t.payload, res.body.id)
    expect(stored).toMatchObject({
      status: 'spam',
      statusReason: 'Akismet (blatant spam)',
      spamCheck: { verdict: 'spam', discard: true },
    })
    expect(stored.spamCheck.details?.history).toEqual([
      expect.objectContaining({ kind: 'check', verdict: 'spam', discard: true, proTip: 'discard' }),
    ])
    expect(await publicCommentIds()).not.toContain(res.body.id)
    expect(await jobsOf(t.payload, 'notifyModerators', res.body.id)).toEqual([])
  })

  it('treats a filled honeypot as spam without asking Akismet', async () => {
    const res = await submit({ homepage: 'https://bot.example/' })

    expect(res.body).toEqual(awaitingModeration)
    expect(await storedComment(t.payload, res.body.id)).toMatchObject({
      status: 'spam',
      statusReason: 'The hidden honeypot field was filled in',
      spamCheck: { verdict: 'unchecked', details: null },
    })
    expect(received(fake, 'comment-check')).toEqual([])
  })

  describe('ham continues through the moderation rules', () => {
    it('holds a first comment from a name and email in Pending and queues the moderator email', async () => {
      const res = await submit()

      expect(res.body).toEqual(awaitingModeration)
      const stored = await storedComment(t.payload, res.body.id)
      expect(stored).toMatchObject({
        status: 'pending',
        statusReason: 'First comment from this name and email',
        spamCheck: { verdict: 'ham', discard: false },
      })
      expect(stored.spamCheck.details?.history).toEqual([
        expect.objectContaining({
          kind: 'check',
          verdict: 'ham',
          guid: expect.stringMatching(GUID),
        }),
      ])
      expect(await jobsOf(t.payload, 'notifyModerators', res.body.id)).toHaveLength(1)
      expect(await jobsOf(t.payload, 'recheckSpam', res.body.id)).toEqual([])
    })

    it('publishes at once in moderation mode none', async () => {
      await setSiteSettings(t.payload, { moderationMode: 'none' })
      const res = await submit()

      expect(res.status).toBe(201)
      expect(res.body).toEqual({ ...awaitingModeration, status: 'approved', message: M.published })
      expect(await storedComment(t.payload, res.body.id)).toMatchObject({
        status: 'approved',
        statusReason: 'Passed every rule',
        spamCheck: { verdict: 'ham' },
      })
      expect(await publicCommentIds()).toContain(res.body.id)
    })

    it('sends a comment with a disallowed word to the trash', async () => {
      await setSiteSettings(t.payload, { moderationMode: 'none', disallowedWords: 'casino' })
      const res = await submit({ body: `Best casino bonus ${unique()}` })

      expect(res.body).toEqual(awaitingModeration)
      expect(await storedComment(t.payload, res.body.id)).toMatchObject({
        status: 'trash',
        statusReason: 'Disallowed word "casino" in text',
        spamCheck: { verdict: 'ham' },
      })
      expect(await publicCommentIds()).not.toContain(res.body.id)
      expect(await jobsOf(t.payload, 'notifyModerators', res.body.id)).toEqual([])
    })
  })
})

describe('Akismet failing on submission', () => {
  // Each failure: how to cause it, and what the moderators read about it.
  const failures: [string, () => void, string, string][] = [
    ['answers HTTP 500', () => fake.setFault('http500'), 'AKISMET_HTTP', 'HTTP status 500'],
    ['hangs past the timeout', () => fake.setFault('hang'), 'AKISMET_TIMEOUT', 'within 500 ms'],
    ['closes the connection', () => fake.setFault('close'), 'AKISMET_NETWORK', 'not be reached'],
    [
      'answers `invalid` (a wrong key)',
      () => useAkismet(t.payload, { ...config, apiKey: 'not-the-right-key' }),
      'AKISMET_INVALID_KEY',
      'refused the API key',
    ],
    [
      'answers with X-akismet-debug-help',
      () => fake.setFault('debug-help'),
      'AKISMET_DEBUG_HELP',
      'told to answer with debug help',
    ],
    [
      'is not running (connection refused)',
      () => useAkismet(t.payload, akismetConfigFor(stoppedFake)),
      'AKISMET_NETWORK',
      'ECONNREFUSED',
    ],
  ]

  it.each(failures)(
    'when Akismet %s: stores the comment pending with verdict error, answers as usual, queues a recheck and no email',
    async (_, cause, code, explanation) => {
      cause()
      const started = Date.now()
      const res = await submit()
      const elapsed = Date.now() - started

      // The reader waits at most the timeout (plus the rest of the request), then hears the usual.
      expect(elapsed).toBeLessThan(config.timeoutMs + 2000)
      expect(res.status).toBe(201)
      expect(res.body).toEqual(awaitingModeration)

      const stored = await storedComment(t.payload, res.body.id)
      expect(stored.status).toBe('pending')
      expect(stored.statusReason).toMatch(/^Spam check failed, retrying: Akismet /)
      expect(stored.statusReason).toContain(explanation)
      expect(stored.spamCheck).toMatchObject({ verdict: 'error', discard: false })
      expect(stored.spamCheck.details?.history).toEqual([
        {
          kind: 'check',
          at: stored.spamCheck.checkedAt,
          error: {
            code,
            message: stored.statusReason!.replace('Spam check failed, retrying: ', ''),
          },
        },
      ])
      // What the recheck will send again.
      expect(stored.spamCheck.details?.input).toMatchObject({
        authorName: stored.authorName,
        content: stored.body,
      })
      expect(await publicCommentIds()).not.toContain(res.body.id)

      const [recheck, ...more] = await jobsOf(t.payload, 'recheckSpam', res.body.id)
      expect(more).toEqual([])
      expect(recheck).toMatchObject({ queue: 'spam', completedAt: null, hasError: false })
      const wait = Date.parse(recheck.waitUntil!) - started
      expect(wait).toBeGreaterThanOrEqual(config.retryIntervalMs - 1000)
      expect(wait).toBeLessThanOrEqual(config.retryIntervalMs + elapsed + 1000)
      // The moderators hear of it once the recheck has run (akismet.jobs.int.test.ts).
      expect(await jobsOf(t.payload, 'notifyModerators', res.body.id)).toEqual([])
    },
  )
})

describe('what comment-check is sent', () => {
  const userAgent = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15'
  const cookie = 'payload-token=reader-cookie-secret-1; _session=reader-cookie-secret-2'
  // A JWT no account of ours signed: the request stays a reader's.
  const authorization =
    'JWT eyJhbGciOiJIUzI1NiJ9.eyJpZCI6OTk5LCJjb2xsZWN0aW9uIjoidXNlcnMifQ.reader-auth-secret'
  const secrets = ['reader-cookie-secret', 'reader-auth-secret', 'eyJhbGciOiJIUzI1NiJ9']

  it('sends exactly the documented fields, and no cookie or authorization value', async () => {
    const body = `Is the gauge at Mill Creek included? (${unique()})`
    const res = await submit(
      {
        authorName: 'Jo Fields',
        authorEmail: 'jo.fields@example.org',
        authorUrl: 'https://jo.example.org/',
        body,
      },
      {
        ip: '203.0.113.42',
        headers: { 'user-agent': userAgent, referer: `${SITE_URL}/`, cookie, authorization },
      },
    )
    expect(res.status).toBe(201)
    const stored = await storedComment(t.payload, res.body.id)
    const current = await t.payload.findByID({ collection: 'posts', id: post.id, depth: 0 })

    const [check, ...more] = received(fake, 'comment-check', body)
    expect(more).toEqual([])
    expect(check.fields).toEqual({
      api_key: fake.validKey,
      blog: SITE_URL,
      user_ip: '203.0.113.42',
      user_agent: userAgent,
      referrer: `${SITE_URL}/`,
      permalink: `${SITE_URL}/posts/${post.slug}`,
      comment_type: 'comment',
      comment_author: 'Jo Fields',
      comment_author_email: 'jo.fields@example.org',
      comment_author_url: 'https://jo.example.org/',
      comment_content: body,
      // The moment the comment was received, which is also when its status was set.
      comment_date_gmt: stored.statusChangedAt,
      comment_post_modified_gmt: new Date(current.updatedAt).toISOString(),
      blog_lang: 'en',
      blog_charset: 'UTF-8',
      is_test: 'true',
      honeypot_field_name: 'homepage',
      homepage: '',
    })
    const sent = JSON.stringify([check.fields, check.headers])
    for (const secret of secrets) expect(sent).not.toContain(secret)
    expect(check.headers.cookie).toBeUndefined()
    expect(check.headers.authorization).toBeUndefined()
    // The stored input (what rechecks and reports send) holds none of it either.
    expect(JSON.stringify(stored.spamCheck.details)).not.toMatch(secrets.join('|'))
    expect(stored.submittedBy).toBeNull()
  })

  it('sends comment_type reply for a reply', async () => {
    const parent = await createComment(t.payload, post, { status: 'approved' })
    const body = `Replying to say thanks (${unique()})`
    const res = await submit({ parent: parent.id, body })

    expect(res.status).toBe(201)
    expect(received(fake, 'comment-check', body)).toEqual([
      expect.objectContaining({ fields: expect.objectContaining({ comment_type: 'reply' }) }),
    ])
  })

  it('sends is_test only in test mode', async () => {
    useAkismet(t.payload, { ...config, testMode: false })
    const body = `Production-mode comment (${unique()})`
    await submit({ body })

    const [check] = received(fake, 'comment-check', body)
    expect(check.fields).not.toHaveProperty('is_test')
  })

  it.each(['admin', 'moderator', 'editor', 'author'] as const)(
    'does not send a comment by signed-in staff (%s) to Akismet at all',
    async (role) => {
      const res = await submit({}, restAuth(staff, role))

      expect(res.status).toBe(201)
      expect(res.body.status).toBe('approved')
      expect(received(fake, 'comment-check')).toEqual([])
      expect(await storedComment(t.payload, res.body.id)).toMatchObject({
        status: 'approved',
        submittedBy: staff[role].id,
        spamCheck: { verdict: 'unchecked', details: null },
      })
      expect(await jobsOf(t.payload, 'recheckSpam', res.body.id)).toEqual([])
    },
  )
})

describe('Akismet at start-up (verifyAkismet)', () => {
  let logged: { info: jest.Mock; warn: jest.Mock; error: jest.Mock }

  beforeEach(() => {
    const { logger } = t.payload
    logged = {
      info: jest.spyOn(logger, 'info') as unknown as jest.Mock,
      warn: jest.spyOn(logger, 'warn') as unknown as jest.Mock,
      error: jest.spyOn(logger, 'error') as unknown as jest.Mock,
    }
  })
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it('is ready with a valid key, verified once with verify-key', async () => {
    const status = await verifyAkismet(t.payload)

    expect(status).toEqual({ state: 'ready', message: `Akismet key verified for ${SITE_URL}.` })
    expect(runtimeOf(t.payload).akismetStatus).toEqual(status)
    const [verify, ...more] = received(fake, 'verify-key')
    expect(more).toEqual([])
    // akismet-api sends the key as `key`, the form verify-key has always accepted.
    expect(verify.fields).toEqual({ key: fake.validKey, blog: SITE_URL })
    expect(logged.info).toHaveBeenCalledWith(status.message)
    expect(logged.error).not.toHaveBeenCalled()
  })

  it('reports an invalid key as an error in the log, without throwing', async () => {
    useAkismet(t.payload, { ...config, apiKey: 'not-the-right-key' })
    const status = await verifyAkismet(t.payload)

    expect(status.state).toBe('invalid-key')
    expect(status.message).toContain('rejected AKISMET_API_KEY')
    expect(runtimeOf(t.payload).akismetStatus).toEqual(status)
    expect(logged.error).toHaveBeenCalledWith(status.message)
  })

  it('reports an unreachable server as such, without throwing', async () => {
    useAkismet(t.payload, akismetConfigFor(stoppedFake))
    const status = await verifyAkismet(t.payload)

    expect(status.state).toBe('unreachable')
    expect(status.message).toContain('could not be reached')
    expect(logged.error).toHaveBeenCalledWith(status.message)
  })

  it('reports a timeout as unreachable, not as an invalid key', async () => {
    fake.setFault('hang')
    const status = await verifyAkismet(t.payload)

    expect(status.state).toBe('unreachable')
    expect(status.message).toContain(`did not answer within ${config.timeoutMs} ms`)
  })

  it('is off, with a warning, when no key is configured', async () => {
    useAkismet(t.payload, null)
    const status = await verifyAkismet(t.payload)

    expect(status.state).toBe('off')
    expect(status.message).toContain('AKISMET_API_KEY is not set')
    expect(logged.warn).toHaveBeenCalledWith(status.message)
    expect(logged.error).not.toHaveBeenCalled()
    expect(fake.requests).toEqual([])
  })

  it('lets comments through the moderation rules alone when Akismet is off', async () => {
    useAkismet(t.payload, null)
    const res = await submit({ authorName: 'akismet-guaranteed-spam' })

    expect(await storedComment(t.payload, res.body.id)).toMatchObject({
      status: 'pending',
      statusReason: 'First comment from this name and email',
      spamCheck: { verdict: 'unchecked' },
    })
    expect(fake.requests).toEqual([])
  })
})
