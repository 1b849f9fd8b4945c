import type { Post, SiteSetting } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import { auditEntriesOfComment } from '../helpers/auditTrail'
import { restAuth } from '../helpers/callers'
import { createComment, createPost, createStaff, unique, type Staff } from '../helpers/factories'
import type { Submitted } from '../helpers/restBodies'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let t: TestPayload
let api: ApiClient
let staff: Staff
let post: Post

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload)
})
afterAll(async () => {
  await t?.stop()
})
beforeEach(async () => {
  await setSiteSettings(t.payload, DISCUSSION_DEFAULTS)
})

let addresses = 0
/** A new client address for each comment, so the flood limit never applies here. */
const nextAddress = () => `10.1.${Math.floor(addresses / 250)}.${(addresses++ % 250) + 1}`

type Submission = {
  authorName?: string
  authorEmail?: string
  authorUrl?: string
  body?: string
}

/**
 * Submits a comment over REST as a reader (unless a token is given) from its own address, and
 * returns the answer with what was stored and the comment's audit trail.
 */
async function submit(
  data: Submission = {},
  { headers = {}, token }: { headers?: Record<string, string>; token?: string } = {},
) {
  const res = await api.call<Submitted>('POST', '/comments', {
    token,
    json: {
      post: post.id,
      authorName: 'Sam Reader',
      authorEmail: `sam-${unique()}@example.com`,
      body: `A plain question (${unique()}).`,
      ...data,
    },
    headers: { 'x-real-ip': nextAddress(), ...headers },
  })
  expect(res.status).toBe(201)
  const { doc } = await storedDoc(t.payload, 'comments', res.body.id)
  const audit = await auditEntriesOfComment(t.payload, res.body.id)
  return { answer: res.body, stored: doc!, audit }
}

/** The comment got `status` for `reason`, on the comment and in one audit entry by `actor`. */
function expectDecision(
  result: Awaited<ReturnType<typeof submit>>,
  status: string,
  reason: string,
  actor: string,
) {
  expect(result.stored).toMatchObject({ status, statusReason: reason })
  expect(result.audit).toHaveLength(1)
  expect(result.audit[0]).toMatchObject({
    action: 'comment-status',
    targetType: 'comment',
    from: null,
    to: status,
    reason,
    actorName: actor,
  })
}

function settings(data: Partial<SiteSetting>) {
  return setSiteSettings(t.payload, data)
}

/** Where a listed word can be found, and how to put it there in a submission. */
const PLACES: [
  string,
  (word: string) => { data?: Submission; headers?: Record<string, string> },
][] = [
  ['name', (word) => ({ data: { authorName: `Sam ${word} Reader` } })],
  ['email', (word) => ({ data: { authorEmail: `sam.${word}.${unique()}@example.com` } })],
  ['website', (word) => ({ data: { authorUrl: `https://${word}.example.org/` } })],
  ['text', (word) => ({ data: { body: `I think ${word} matters (${unique()}).` } })],
  ['IP address', (address) => ({ headers: { 'x-real-ip': address } })],
  ['user agent', (word) => ({ headers: { 'user-agent': `Mozilla/5.0 ${word}Browser/1.0` } })],
]
/** The listed word for a place: an address for the IP address, else the given word. */
const wordFor = (place: string, word: string, address: string) =>
  place === 'IP address' ? address : word

describe('comments.disallowedWords', () => {
  it.each(PLACES)('send a comment with one in its %s to the trash', async (place, put) => {
    const word = wordFor(place, 'casino', '203.0.113.66')
    await settings({ disallowedWords: `pills\n  ${word.toUpperCase()}  \n` })
    const { data, headers } = put(wordFor(place, 'casino', '203.0.113.66'))
    const result = await submit(data, { headers })
    expect(result.answer.status).toBe('pending')
    expectDecision(
      result,
      'trash',
      `Disallowed word "${word.toUpperCase()}" in ${place}`,
      'system: disallowed words',
    )
  })
})

describe('comments.moderationWords', () => {
  it.each(PLACES)('hold a comment with one in its %s', async (place, put) => {
    const word = wordFor(place, 'refinance', '203.0.113.77')
    await settings({ moderationMode: 'none', moderationWords: `\n${word.toUpperCase()}` })
    const { data, headers } = put(wordFor(place, 'ReFinance', '203.0.113.77'))
    const result = await submit(data, { headers })
    expect(result.answer.status).toBe('pending')
    expectDecision(
      result,
      'pending',
      `Moderation word "${word.toUpperCase()}" in ${place}`,
      'system: moderation words',
    )
  })
})

describe('comments.linkLimit', () => {
  it('holds a comment with 2 links', async () => {
    await settings({ moderationMode: 'none' })
    const result = await submit({ body: `See http://a.example and www.b.example (${unique()})` })
    expectDecision(
      result,
      'pending',
      '2 links in the text (held at 2 or more)',
      'system: link limit',
    )
  })

  it('lets a comment with 1 link through to the mode', async () => {
    await settings({ moderationMode: 'none' })
    const result = await submit({ body: `See https://a.example/page (${unique()})` })
    expectDecision(result, 'approved', 'Passed every rule', 'system: moderation mode: none')
  })

  it('uses the limit in the settings, and 0 turns it off', async () => {
    await settings({ moderationMode: 'none', linkLimit: 3 })
    const body = () => `http://a.example http://b.example (${unique()})`
    expect((await submit({ body: body() })).stored.status).toBe('approved')
    await settings({ moderationMode: 'none', linkLimit: 0 })
    const many = `http://a.example http://b.example http://c.example http://d.example ${unique()}`
    expect((await submit({ body: many })).stored.status).toBe('approved')
  })
})

describe('comments.ruleOrder', () => {
  it('disallowed words beat moderation words', async () => {
    await settings({ disallowedWords: 'casino', moderationWords: 'casino' })
    const result = await submit({ body: `casino (${unique()})` })
    expect(result.stored.status).toBe('trash')
    expect(result.audit[0].actorName).toBe('system: disallowed words')
  })

  it('moderation words beat the link limit', async () => {
    await settings({ moderationWords: 'refinance' })
    const result = await submit({ body: `refinance http://a.example http://b.example ${unique()}` })
    expect(result.stored).toMatchObject({
      status: 'pending',
      statusReason: 'Moderation word "refinance" in text',
    })
  })

  it('the link limit beats moderation mode none', async () => {
    await settings({ moderationMode: 'none' })
    const result = await submit({ body: `http://a.example http://b.example ${unique()}` })
    expect(result.stored.status).toBe('pending')
    expect(result.audit[0].actorName).toBe('system: link limit')
  })

  it('a disallowed word in the user agent beats a clean text in mode none', async () => {
    await settings({ moderationMode: 'none', disallowedWords: 'EvilBot' })
    const result = await submit({}, { headers: { 'user-agent': 'evilbot/2.1' } })
    expect(result.stored).toMatchObject({
      status: 'trash',
      statusReason: 'Disallowed word "EvilBot" in user agent',
    })
  })
})

describe('comments.moderationMode', () => {
  it('all: holds every comment, even from a name and email approved before', async () => {
    await settings({ moderationMode: 'all' })
    const known = await createComment(t.payload, post, { status: 'approved' })
    const result = await submit({ authorName: known.authorName, authorEmail: known.authorEmail })
    expectDecision(
      result,
      'pending',
      'Every comment is held for moderation',
      'system: moderation mode: all',
    )
  })

  it('none: publishes a comment that passes the other rules', async () => {
    await settings({ moderationMode: 'none' })
    const result = await submit()
    expect(result.answer).toMatchObject({
      status: 'approved',
      message: 'Your comment has been published.',
    })
    expectDecision(result, 'approved', 'Passed every rule', 'system: moderation mode: none')
  })

  it('first-time: holds a first comment', async () => {
    const result = await submit()
    expectDecision(
      result,
      'pending',
      'First comment from this name and email',
      'system: moderation mode: first-time',
    )
  })

  it('first-time: publishes a comment when the same name and email have an approved comment', async () => {
    const known = await createComment(t.payload, post, { status: 'approved' })
    const result = await submit({ authorName: known.authorName, authorEmail: known.authorEmail })
    expect(result.answer.status).toBe('approved')
    expectDecision(
      result,
      'approved',
      'This name and email have an approved comment',
      'system: moderation mode: first-time',
    )
  })

  it('first-time: holds a comment when only the name or only the email matches', async () => {
    const known = await createComment(t.payload, post, { status: 'approved' })
    const sameEmail = await submit({ authorName: 'Someone Else', authorEmail: known.authorEmail })
    expect(sameEmail.stored.status).toBe('pending')
    const sameName = await submit({ authorName: known.authorName })
    expect(sameName.stored.status).toBe('pending')
  })

  it('first-time: holds a comment when the earlier one is not approved', async () => {
    for (const status of ['pending', 'spam', 'trash'] as const) {
      const earlier = await createComment(t.payload, post, { status })
      const result = await submit({
        authorName: earlier.authorName,
        authorEmail: earlier.authorEmail,
      })
      expect(result.stored.status).toBe('pending')
    }
  })

  it('first-time: a comment approved by a moderator lets the next one through', async () => {
    const first = await submit({ authorName: 'Jo Newcomer', authorEmail: 'jo@example.com' })
    expect(first.stored.status).toBe('pending')
    const approve = await api.call('POST', '/comments/moderate', {
      ...restAuth(staff, 'moderator'),
      json: { ids: [first.answer.id], action: 'approve' },
    })
    expect(approve.status).toBe(200)
    const second = await submit({ authorName: 'Jo Newcomer', authorEmail: 'jo@example.com' })
    expect(second.stored.status).toBe('approved')
  })
})

describe('comments.staffComments', () => {
  it.each(['admin', 'editor', 'author', 'moderator'] as const)(
    'approves a comment by the signed-in %s, whatever the rules say, on record under their name',
    async (role) => {
      await settings({ moderationMode: 'all', disallowedWords: 'casino' })
      const result = await submit(
        { body: `casino http://a.example http://b.example ${unique()}` },
        restAuth(staff, role),
      )
      expect(result.answer.status).toBe('approved')
      expect(result.stored).toMatchObject({
        status: 'approved',
        statusReason: `Posted by signed-in staff (${role})`,
        submittedBy: staff[role].id,
      })
      expect(result.audit).toHaveLength(1)
      expect(result.audit[0]).toMatchObject({
        action: 'comment-status',
        from: null,
        to: 'approved',
        reason: `Posted by signed-in staff (${role})`,
        actorType: 'user',
        actor: staff[role].id,
        actorName: staff[role].email,
      })
    },
  )

  it("fills in the staff member's name and email when the comment leaves them out", async () => {
    const result = await submit({ authorName: '', authorEmail: '' }, restAuth(staff, 'moderator'))
    expect(result.stored).toMatchObject({
      authorName: staff.moderator.name,
      authorEmail: staff.moderator.email,
    })
  })
})
