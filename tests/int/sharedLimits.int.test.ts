import { COMMENT_MESSAGES as M } from '@/comments/rules/messages'
import type { Post } from '@/payload-types'
import { ATTEMPT_PURGE } from '@/runtime/attemptLimiter'
import { runtimeOf, SIGN_IN_LIMITS } from '@/runtime/runtime'
import type { RunningServer } from '@/server/listen'

import { createPost, createStaff, TEST_PASSWORD, unique, type Staff } from '../helpers/factories'
import { startFront } from '../helpers/front'
import { createPayloadHandle } from '../helpers/payloadHandle'
import { startSecondInstance, type SecondInstance } from '../helpers/secondInstance'
import { DISCUSSION_DEFAULTS } from '../helpers/siteSettings'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/**
 * Two application instances on one database, as behind a load balancer: each its own Payload,
 * runtime and Express front. The limits an attacker would spread over the instances (password
 * guesses, reset emails, comments within the flood interval) are counted where both see them.
 */

let t: TestPayload
let b: SecondInstance
let staff: Staff
let post: Post
let frontA: RunningServer

beforeAll(async () => {
  t = await startTestPayload()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload)
  frontA = await startFront(t.payload, await createPayloadHandle(), { trustProxy: 1 })
  b = await startSecondInstance('instance-b')
})
afterAll(async () => {
  frontA?.server.close()
  await b?.stop()
  await t?.stop()
})

let addresses = 0
const newAddress = () => `203.0.113.${++addresses}`
const url = (front: RunningServer, path: string) => `http://127.0.0.1:${front.port}/api${path}`

async function signIn(front: RunningServer, email: string, password: string, from: string) {
  const res = await fetch(url(front, '/users/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ email, password }),
  })
  return { status: res.status, retryAfter: res.headers.get('retry-after') }
}

const LIMIT = SIGN_IN_LIMITS.perAccount.attempts

describe('sign-in throttling across instances', () => {
  it('refuses the guess after the limit through the other instance', async () => {
    const stranger = newAddress()
    for (let i = 0; i < LIMIT; i++) {
      expect((await signIn(frontA, staff.admin.email, `guess-${i}`, stranger)).status).toBe(401)
    }
    const refused = await signIn(b.front, staff.admin.email, TEST_PASSWORD, stranger)
    expect(refused.status).toBe(429)
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
    // And on the first instance too.
    expect((await signIn(frontA, staff.admin.email, TEST_PASSWORD, stranger)).status).toBe(429)
  })

  it('forgets the failed attempts on both once the right password is given on one', async () => {
    const from = newAddress()
    const fronts = [frontA, b.front]
    for (let i = 0; i < LIMIT - 1; i++) {
      expect((await signIn(fronts[i % 2], staff.editor.email, 'wrong', from)).status).toBe(401)
    }
    expect((await signIn(b.front, staff.editor.email, TEST_PASSWORD, from)).status).toBe(200)
    // A full allowance again, spread over both instances, then the refusal on either.
    for (let i = 0; i < LIMIT; i++) {
      expect((await signIn(fronts[i % 2], staff.editor.email, 'wrong', from)).status).toBe(401)
    }
    expect((await signIn(frontA, staff.editor.email, 'wrong', from)).status).toBe(429)
    expect((await signIn(b.front, staff.editor.email, 'wrong', from)).status).toBe(429)
  })

  it('counts password reset requests for one account on both instances together', async () => {
    const limit = SIGN_IN_LIMITS.resetsPerAccount.attempts
    const forgot = (front: RunningServer) =>
      fetch(url(front, '/users/forgot-password'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': newAddress() },
        body: JSON.stringify({ email: staff.author.email }),
      })
    for (let i = 0; i < limit; i++) {
      expect((await forgot(i % 2 ? b.front : frontA)).status).toBe(200)
    }
    const refused = await forgot(b.front)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await forgot(frontA)).status).toBe(429)
  })
})

describe('the flood interval across instances', () => {
  const postComment = (front: RunningServer, from: string) =>
    fetch(url(front, '/comments'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({
        post: post.id,
        authorName: 'Sam Reader',
        authorEmail: `sam-${unique()}@example.com`,
        body: `A question (${unique()}).`,
      }),
    })

  it('accepts exactly one of two comments sent at once from one address to two instances', async () => {
    for (let round = 0; round < 6; round++) {
      const from = newAddress()
      const answers = await Promise.all([postComment(frontA, from), postComment(b.front, from)])
      const statuses = answers.map((res) => res.status).sort()
      expect(statuses).toEqual([201, 429])
      const refused = answers.find((res) => res.status === 429)!
      const retryAfter = Number(refused.headers.get('retry-after'))
      expect(retryAfter).toBeGreaterThanOrEqual(1)
      expect(retryAfter).toBeLessThanOrEqual(DISCUSSION_DEFAULTS.floodIntervalSeconds)
      expect(await refused.json()).toEqual({ errors: [{ message: M.flood(retryAfter) }] })
      const { totalDocs } = await t.payload.count({
        collection: 'comments',
        where: { ip: { equals: from } },
      })
      expect(totalDocs).toBe(1)
    }
  })

  it('refuses a second comment through the other instance within the interval', async () => {
    const from = newAddress()
    expect((await postComment(frontA, from)).status).toBe(201)
    expect((await postComment(b.front, from)).status).toBe(429)
  })
})

describe('the shared attempt windows', () => {
  const MINUTE = 60_000
  const onA = () => ({ payload: t.payload })
  const onB = () => ({ payload: b.payload })

  it('purges expired windows as attempts come in, so a flood of addresses stays bounded', async () => {
    const { attempts } = runtimeOf(t.payload)
    const other = runtimeOf(b.payload).attempts
    const base = Date.now() + 24 * 60 * MINUTE
    const before = await attempts.store.windows(onA())
    const flood = 2 * ATTEMPT_PURGE.every + 50
    // A flood of distinct addresses, each its own window of a minute...
    for (let i = 0; i < flood; i++) {
      await attempts.hit(onA(), `flood-test old-${i}`, 1, MINUTE, base + i)
    }
    expect(await attempts.store.windows(onA())).toBeGreaterThanOrEqual(flood)
    // ...and another an hour later, when those windows are long over, through the other instance.
    const later = base + 60 * MINUTE
    for (let i = 0; i < flood; i++) {
      await other.hit(onB(), `flood-test new-${i}`, 1, MINUTE, later + i)
    }
    // The first flood's windows are gone (and the earlier tests', over by then too): what is left
    // is the second flood's.
    const left = await attempts.store.windows(onA())
    expect(left).toBeLessThanOrEqual(flood)
    expect(left).toBeLessThan(before + 2 * flood - ATTEMPT_PURGE.every)
  })

  it('starts a new window once the old one is over, on either instance', async () => {
    const { attempts } = runtimeOf(t.payload)
    const other = runtimeOf(b.payload).attempts
    const key = `window-test ${unique()}`
    const now = Date.now()
    expect(await attempts.hit(onA(), key, 2, MINUTE, now)).toEqual({ allowed: true })
    expect(await other.hit(onB(), key, 2, MINUTE, now + 1)).toEqual({ allowed: true })
    expect(await attempts.hit(onA(), key, 2, MINUTE, now + 30_000)).toEqual({
      allowed: false,
      retryAfter: 30,
    })
    expect(await other.hit(onB(), key, 2, MINUTE, now + MINUTE)).toEqual({ allowed: true })
  })

  it('takes back one attempt when forgiven, and forgets the key when cleared, for both', async () => {
    const { attempts } = runtimeOf(t.payload)
    const other = runtimeOf(b.payload).attempts
    const key = `forgive-test ${unique()}`
    const now = Date.now()
    await attempts.hit(onA(), key, 2, MINUTE, now)
    await attempts.hit(onA(), key, 2, MINUTE, now)
    await other.forgive(onB(), key)
    expect(await attempts.hit(onA(), key, 2, MINUTE, now)).toEqual({ allowed: true })
    expect((await other.hit(onB(), key, 2, MINUTE, now)).allowed).toBe(false)
    await other.clear(onB(), key)
    expect(await attempts.hit(onA(), key, 2, MINUTE, now)).toEqual({ allowed: true })
  })
})
