import type { Post } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import {
  akismetConfigFor,
  commentSubmitter,
  received,
  useAkismet,
} from '../helpers/akismetComments'
import { createPost } from '../helpers/factories'
import { startFakeAkismet, type FakeAkismet } from '../helpers/fakeAkismet'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/**
 * The spam check talks to a service we do not control. Waiting for it must not hold a database
 * connection: on PostgreSQL, submissions waiting on a hanging Akismet inside their transactions
 * once took every connection of the pool and stopped unrelated reads (15.7 s for GET /api/posts).
 * Here the pool has 2 connections and 5 submissions wait on an Akismet that never answers.
 */
const POOL_SIZE = 2
const WAITING = POOL_SIZE + 3
const AKISMET_TIMEOUT_MS = 8_000

let t: TestPayload
let api: ApiClient
let fake: FakeAkismet
let post: Post

beforeAll(async () => {
  t = await startTestPayload({ DATABASE_POOL_SIZE: String(POOL_SIZE) })
  api = await createApiClient()
  fake = await startFakeAkismet()
  post = await createPost(t.payload)
  await setSiteSettings(t.payload, { ...DISCUSSION_DEFAULTS, moderationMode: 'none' })
})
afterAll(async () => {
  await fake?.stop()
  await t?.stop()
})

/** Resolves with `promise`, or rejects once `ms` have passed. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

async function until(condition: () => boolean, what: string, ms = 10_000) {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('comments.submit: the spam check holds no database connection', () => {
  it('answers reads and writes while more submissions than the pool holds wait on Akismet', async () => {
    useAkismet(t.payload, akismetConfigFor(fake, { timeoutMs: AKISMET_TIMEOUT_MS }))
    fake.setFault('hang')
    const submit = commentSubmitter(
      () => api,
      () => post,
    )
    const settled: boolean[] = []
    const submissions = Array.from({ length: WAITING }, (_, i) =>
      submit().finally(() => (settled[i] = true)),
    )

    // Every submission has reached Akismet: none of them is queued behind a busy pool.
    await until(() => received(fake, 'comment-check').length === WAITING, 'all checks sent')

    const posts = await within(5_000, 'GET /api/posts', api.call('GET', '/posts?limit=5'))
    expect(posts.status).toBe(200)
    const count = await within(
      5_000,
      'counting comments',
      t.payload.count({ collection: 'comments' }),
    )
    expect(count.totalDocs).toBe(0)
    const write = await within(
      5_000,
      'a staff write',
      t.payload.update({ collection: 'posts', id: post.id, data: { excerpt: 'Still writable.' } }),
    )
    expect(write.excerpt).toBe('Still writable.')
    // The reads answered while every submission was still waiting.
    expect(settled.filter(Boolean)).toEqual([])

    // Akismet never answers: each submission is kept, pending, for the spam queue to recheck.
    const answers = await Promise.all(submissions)
    for (const answer of answers) expect(answer).toMatchObject({ status: 201 })
    expect(answers.map((answer) => answer.body.status)).toEqual(Array(WAITING).fill('pending'))
    fake.setFault(null)
  })
})
