import type { Post } from '@/payload-types'
import {
  addHeldCommentId,
  HELD_COOKIE_MAX_IDS,
  readHeldCommentIds,
} from '@/comments/held/heldCommentsCookie'
import { runtimeOf } from '@/runtime/runtime'

import { createApiClient, type ApiClient } from '../helpers/api'
import { countDatabaseCalls } from '../helpers/countDatabaseCalls'
import { createComment, createPost, createStaff, unique, type Staff } from '../helpers/factories'
import type { Submitted } from '../helpers/restBodies'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

// A reader's own held comments: POST /api/comments adds each held comment to a signed cookie,
// and the post page reads back, for that cookie only, those still pending.

let t: TestPayload
let api: ApiClient
let staff: Staff
let post: Post
let loadHeldComments: typeof import('@/data/heldComments').loadHeldComments

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  await setSiteSettings(t.payload, { ...DISCUSSION_DEFAULTS, floodIntervalSeconds: 0 })
  staff = await createStaff(t.payload)
  post = await createPost(t.payload)
  ;({ loadHeldComments } = await import('@/data/heldComments'))
})
afterAll(async () => {
  await t?.stop()
})
beforeEach(() => runtimeOf(t.payload).content.clear())

function submit(data: Record<string, unknown> = {}, cookie?: string, token?: string) {
  return api.call<Submitted>('POST', '/comments', {
    json: {
      post: post.id,
      authorName: 'Held Reader',
      authorEmail: `held-${unique()}@example.com`,
      body: `Waiting for a moderator (${unique()}).`,
      ...data,
    },
    headers: cookie ? { cookie: `held-comments=${cookie}` } : {},
    token,
  })
}

/** The held-comments value a response sets, checking its attributes; null when none is set. */
function heldCookieOf(headers: Headers): string | null {
  const line = headers.get('set-cookie')
  if (!line) return null
  expect(line).toMatch(/^held-comments=[^;]+; Path=\/; Max-Age=259200; HttpOnly; SameSite=Lax$/)
  return line.slice('held-comments='.length, line.indexOf(';'))
}

const ids = (value: string | null) => readHeldCommentIds(value, t.payload.secret)

describe('held comments cookie, POST /api/comments', () => {
  it('lists a held comment in a signed, HttpOnly, SameSite=Lax cookie, adding to the one sent', async () => {
    const first = await submit()
    expect(first.body.status).toBe('pending')
    const value = heldCookieOf(first.headers)
    expect(ids(value)).toEqual([String(first.body.id)])

    const second = await submit({}, value!)
    expect(ids(heldCookieOf(second.headers))).toEqual([
      String(first.body.id),
      String(second.body.id),
    ])
    // The answer itself is unchanged.
    expect(Object.keys(second.body).sort()).toEqual(['id', 'message', 'status'])
  })

  it('starts a new list when the cookie sent was altered or signed with another secret', async () => {
    const mine = heldCookieOf((await submit()).headers)!
    const [payload, signature] = mine.split('.')
    const forged = Buffer.from(JSON.stringify([['1', Math.floor(Date.now() / 1000)]])).toString(
      'base64url',
    )
    for (const sent of [
      `${forged}.${signature}`,
      addHeldCommentId(undefined, 1, 'not-the-app-secret'),
      `${payload}.AAAA`,
    ]) {
      const res = await submit({}, sent)
      expect(ids(heldCookieOf(res.headers))).toEqual([String(res.body.id)])
    }
  })

  it('sets nothing for a published comment', async () => {
    const res = await submit({}, undefined, staff.moderator.token)
    expect(res.body.status).toBe('approved')
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('answers spam caught by the honeypot like any held comment (the answer tells a bot nothing)', async () => {
    const res = await submit({ homepage: 'http://spam.example' })
    expect(res.body.status).toBe('pending')
    expect(ids(heldCookieOf(res.headers))).toEqual([String(res.body.id)])
  })
})

describe('held comments on the post page', () => {
  it('shows a browser its own pending comments on this post only, never spam, trash or another post', async () => {
    const other = await createPost(t.payload)
    const pending = await createComment(t.payload, post, { status: 'pending' })
    const spam = await createComment(t.payload, post, { status: 'spam' })
    const trash = await createComment(t.payload, post, { status: 'trash' })
    const approved = await createComment(t.payload, post, { status: 'approved' })
    const elsewhere = await createComment(t.payload, other, { status: 'pending' })
    const cookie = [pending, spam, trash, approved, elsewhere].reduce<string | undefined>(
      (value, comment) => addHeldCommentId(value, comment.id, t.payload.secret),
      undefined,
    )
    const held = await loadHeldComments(post.id, cookie)
    expect(held.map((comment) => comment.id)).toEqual([pending.id])
    expect(held[0]).toMatchObject({ authorName: pending.authorName, body: pending.body })

    // Once approved it is an ordinary comment: no longer held.
    await t.payload.update({ collection: 'comments', id: pending.id, data: { status: 'approved' } })
    expect(await loadHeldComments(post.id, cookie)).toEqual([])
  })

  it('shows nothing for no cookie, an altered one, or one signed with another secret', async () => {
    const pending = await createComment(t.payload, post, { status: 'pending' })
    const good = addHeldCommentId(undefined, pending.id, t.payload.secret)
    expect(await loadHeldComments(post.id, good)).toHaveLength(1)
    const [payload, signature] = good.split('.')
    for (const value of [
      undefined,
      `${payload}.${signature.slice(1)}`,
      `${Buffer.from(JSON.stringify([[String(pending.id), 1]])).toString('base64url')}.${signature}`,
      addHeldCommentId(undefined, pending.id, 'not-the-app-secret'),
    ]) {
      expect(await loadHeldComments(post.id, value)).toEqual([])
    }
  })

  it(`reads at most ${HELD_COOKIE_MAX_IDS} comments in one query, none without a cookie`, async () => {
    let cookie: string | undefined
    for (let i = 0; i < HELD_COOKIE_MAX_IDS + 5; i++) {
      const comment = await createComment(t.payload, post, { status: 'pending' })
      cookie = addHeldCommentId(cookie, comment.id, t.payload.secret)
    }
    const counter = countDatabaseCalls(t.payload)
    try {
      expect(await loadHeldComments(post.id, undefined)).toEqual([])
      expect(counter.calls()).toBe(0)
      expect(await loadHeldComments(post.id, cookie)).toHaveLength(HELD_COOKIE_MAX_IDS)
      expect(counter.calls()).toBe(1)
    } finally {
      counter.stop()
    }
  })
})
