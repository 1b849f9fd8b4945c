import { COMMENT_MESSAGES as M } from '@/comments/rules/messages'
import type { Post } from '@/payload-types'
import type { NextHandler } from '@/server/app'
import type { RunningServer } from '@/server/listen'

import { createPost, createStaff, unique, type Staff } from '../helpers/factories'
import { startFront } from '../helpers/front'
import { createPayloadHandle } from '../helpers/payloadHandle'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { storedCount } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let t: TestPayload
let staff: Staff
let post: Post
let payloadHandle: NextHandler
/** Behind a trusted proxy (TRUST_PROXY=1): the client address comes from X-Forwarded-For. */
let proxied: RunningServer
/** No trusted proxy: the client address is the socket's, 127.0.0.1 for every test request. */
let direct: RunningServer

const start = (trustProxy: number | false) => startFront(t.payload, payloadHandle, { trustProxy })

beforeAll(async () => {
  t = await startTestPayload()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload)
  payloadHandle = await createPayloadHandle()
  proxied = await start(1)
  direct = await start(false)
})
afterAll(async () => {
  proxied?.server.close()
  direct?.server.close()
  await t?.stop()
})
afterEach(async () => {
  await setSiteSettings(t.payload, DISCUSSION_DEFAULTS)
})

let addresses = 1
const nextAddress = () => `203.0.113.${addresses++}`

function postComment(
  server: RunningServer,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`http://127.0.0.1:${server.port}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      post: post.id,
      authorName: 'Sam Reader',
      authorEmail: `sam-${unique()}@example.com`,
      body: `A question (${unique()}).`,
    }),
  })
}

// The limit lives in the comment pipeline alone (src/comments/submission/guard.ts), on every path;
// these tests go through the Express front, which decides the client's address.
describe('comments: the flood limit', () => {
  it('answers a second comment from the same address with 429, Retry-After and the API error shape', async () => {
    const from = { 'x-forwarded-for': nextAddress() }
    expect((await postComment(proxied, from)).status).toBe(201)
    const comments = await storedCount(t.payload, 'comments')

    const second = await postComment(proxied, from)
    expect(second.status).toBe(429)
    const retryAfter = second.headers.get('retry-after')
    expect(retryAfter).toMatch(/^\d+$/)
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
    expect(Number(retryAfter)).toBeLessThanOrEqual(DISCUSSION_DEFAULTS.floodIntervalSeconds)
    expect(second.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await second.json()).toEqual({ errors: [{ message: M.flood(Number(retryAfter)) }] })

    expect(await storedCount(t.payload, 'comments')).toBe(comments)
  })

  it('lets a comment from another address through', async () => {
    expect((await postComment(proxied, { 'x-forwarded-for': nextAddress() })).status).toBe(201)
    expect((await postComment(proxied, { 'x-forwarded-for': nextAddress() })).status).toBe(201)
  })

  it('goes by the address Express trusts, not a client-sent X-Real-IP', async () => {
    const address = nextAddress()
    const first = await postComment(proxied, { 'x-forwarded-for': address, 'x-real-ip': '1.1.1.1' })
    expect(first.status).toBe(201)
    const second = await postComment(proxied, {
      'x-forwarded-for': address,
      'x-real-ip': '2.2.2.2',
    })
    expect(second.status).toBe(429)
  })

  it('without a trusted proxy, limits by the connecting address whatever X-Forwarded-For says', async () => {
    expect((await postComment(direct, { 'x-forwarded-for': nextAddress() })).status).toBe(201)
    const second = await postComment(direct, { 'x-forwarded-for': nextAddress() })
    expect(second.status).toBe(429)
  })

  it('exempts signed-in staff (a JWT)', async () => {
    const address = nextAddress()
    expect((await postComment(proxied, { 'x-forwarded-for': address })).status).toBe(201)
    const comments = await storedCount(t.payload, 'comments')
    for (const role of ['moderator', 'author'] as const) {
      const res = await postComment(proxied, {
        'x-forwarded-for': address,
        authorization: `JWT ${staff[role].token}`,
      })
      expect(res.status).toBe(201)
    }
    expect(await storedCount(t.payload, 'comments')).toBe(comments + 2)
  })

  it('does not exempt an invalid token', async () => {
    const address = nextAddress()
    expect((await postComment(proxied, { 'x-forwarded-for': address })).status).toBe(201)
    const res = await postComment(proxied, {
      'x-forwarded-for': address,
      authorization: 'JWT not-a-real-token',
    })
    expect(res.status).toBe(429)
  })

  it('is off when floodIntervalSeconds is 0', async () => {
    await setSiteSettings(t.payload, { floodIntervalSeconds: 0 })
    const from = { 'x-forwarded-for': nextAddress() }
    expect((await postComment(proxied, from)).status).toBe(201)
    expect((await postComment(proxied, from)).status).toBe(201)
  })

  it('limits comment submissions only, not reading them', async () => {
    const from = { 'x-forwarded-for': nextAddress() }
    expect((await postComment(proxied, from)).status).toBe(201)
    const read = await fetch(`http://127.0.0.1:${proxied.port}/api/comments`, { headers: from })
    expect(read.status).toBe(200)
  })
})
