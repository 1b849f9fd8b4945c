import type { Comment, Post } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import { localAuth, restAuth, type Caller } from '../helpers/callers'
import { createComment, createPost, createStaff, unique, type Staff } from '../helpers/factories'
import { rejectionOf } from '../helpers/rejectionOf'
import type { Docs, Refusal, Submitted } from '../helpers/restBodies'
import { storedCount, storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let t: TestPayload
let api: ApiClient
let staff: Staff
let post: Post
let approved: Comment
let pending: Comment
let spam: Comment
/** An approved reply whose parent is approved, and one whose parent is still pending. */
let reply: Comment
let replyToPending: Comment

const PRIVATE_FIELDS = [
  'authorEmail',
  'ip',
  'userAgent',
  'referrer',
  'statusReason',
  'spamCheck',
] as const
const PRIVATE_GRAPHQL =
  'authorEmail ip userAgent referrer statusReason spamCheck { verdict checkedAt details }'
const HIDDEN_GRAPHQL = {
  authorEmail: null,
  ip: null,
  userAgent: null,
  referrer: null,
  statusReason: null,
  spamCheck: { verdict: null, checkedAt: null, details: null },
}

/** Comments carry every private field, so a leak of any one shows. */
function commentWithPrivateFields(data: Partial<Comment> = {}) {
  return createComment(t.payload, post, {
    statusReason: 'Checked by a moderator',
    spamCheck: { verdict: 'ham', checkedAt: new Date().toISOString(), details: { score: 0.1 } },
    ...data,
  })
}

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  post = await createPost(t.payload)
  approved = await commentWithPrivateFields({ status: 'approved' })
  pending = await commentWithPrivateFields({ status: 'pending' })
  spam = await commentWithPrivateFields({ status: 'spam' })
  reply = await commentWithPrivateFields({ status: 'approved', parent: approved.id })
  replyToPending = await commentWithPrivateFields({ status: 'approved', parent: pending.id })
})
afterAll(async () => {
  await t?.stop()
})

const ids = (docs: { id: number | string }[]) => docs.map((doc) => doc.id)

function expectNoPrivateFields(doc: object) {
  for (const field of PRIVATE_FIELDS) expect(doc).not.toHaveProperty(field)
}

function expectPrivateFields(doc: object) {
  expect(doc).toMatchObject({
    authorEmail: expect.stringContaining('@'),
    ip: '192.0.2.1',
    userAgent: 'TestAgent/1.0',
    referrer: 'https://www.example.gov/',
    statusReason: 'Checked by a moderator',
    spamCheck: expect.objectContaining({ verdict: 'ham' }),
  })
}

function newCommentData(data: Record<string, unknown> = {}) {
  return {
    post: post.id,
    authorName: 'Sam Reader',
    authorEmail: 'sam@example.com',
    // Unique text: an identical comment (same post, email and text) is refused as a duplicate.
    body: `A question (${unique()}).`,
    ...data,
  }
}

describe('comments.read', () => {
  describe.each(['anonymous', 'editor', 'author'] as const)('as %s (a reader)', (caller) => {
    it('lists approved comments only, without private fields', async () => {
      const rest = await api.call<Docs<Comment>>(
        'GET',
        '/comments?limit=100',
        restAuth(staff, caller),
      )
      expect(rest.status).toBe(200)
      expect(ids(rest.body.docs)).toEqual(expect.arrayContaining([approved.id, reply.id]))
      expect(ids(rest.body.docs)).not.toContain(pending.id)
      expect(ids(rest.body.docs)).not.toContain(spam.id)
      rest.body.docs.forEach(expectNoPrivateFields)

      const gql = await api.graphql<{
        Comments: { docs: ({ id: number; status: string } & object)[] }
      }>(
        `{ Comments(limit: 100) { docs { id status ${PRIVATE_GRAPHQL} } } }`,
        restAuth(staff, caller),
      )
      const gqlDocs = gql.body.data!.Comments.docs
      expect(new Set(gqlDocs.map((doc) => doc.status))).toEqual(new Set(['approved']))
      for (const doc of gqlDocs) expect(doc).toMatchObject(HIDDEN_GRAPHQL)

      const local = await t.payload.find({
        collection: 'comments',
        limit: 100,
        ...localAuth(staff, caller),
      })
      expect(new Set(local.docs.map((doc) => doc.status))).toEqual(new Set(['approved']))
      local.docs.forEach(expectNoPrivateFields)
    })

    it('reads an approved comment by id without private fields', async () => {
      const rest = await api.call<Comment>(
        'GET',
        `/comments/${approved.id}`,
        restAuth(staff, caller),
      )
      expect(rest.status).toBe(200)
      expect(rest.body.body).toBe(approved.body)
      expectNoPrivateFields(rest.body)

      const gql = await api.graphql(
        `{ Comment(id: ${approved.id}) { body ${PRIVATE_GRAPHQL} } }`,
        restAuth(staff, caller),
      )
      expect(gql.body.data?.Comment).toEqual({ body: approved.body, ...HIDDEN_GRAPHQL })

      const local = await t.payload.findByID({
        collection: 'comments',
        id: approved.id,
        ...localAuth(staff, caller),
      })
      expectNoPrivateFields(local)
    })

    it('gets 404 for a pending or spam comment by id', async () => {
      for (const { id } of [pending, spam]) {
        expect((await api.call('GET', `/comments/${id}`, restAuth(staff, caller))).status).toBe(404)

        const gql = await api.graphql(`{ Comment(id: ${id}) { body } }`, restAuth(staff, caller))
        expect(gql.body.data?.Comment).toBeNull()

        const local = await rejectionOf(
          t.payload.findByID({ collection: 'comments', id, ...localAuth(staff, caller) }),
        )
        expect(local.status).toBe(404)
      }
    })

    it('hides the private fields of a populated parent comment (depth=2)', async () => {
      const rest = await api.call<Comment>(
        'GET',
        `/comments/${reply.id}?depth=2`,
        restAuth(staff, caller),
      )
      expect(rest.body.parent).toMatchObject({ id: approved.id, body: approved.body })
      expectNoPrivateFields(rest.body.parent as Comment)

      const gql = await api.graphql(
        `{ Comment(id: ${reply.id}) { parent { body ${PRIVATE_GRAPHQL} } } }`,
        restAuth(staff, caller),
      )
      expect(gql.body.data?.Comment).toEqual({ parent: { body: approved.body, ...HIDDEN_GRAPHQL } })

      const local = await t.payload.findByID({
        collection: 'comments',
        id: reply.id,
        depth: 2,
        ...localAuth(staff, caller),
      })
      expect(local.parent).toMatchObject({ id: approved.id })
      expectNoPrivateFields(local.parent as Comment)
    })

    it('does not populate a parent comment that is not approved', async () => {
      const rest = await api.call<Comment>(
        'GET',
        `/comments/${replyToPending.id}?depth=2`,
        restAuth(staff, caller),
      )
      expect(rest.body.parent).toBe(pending.id)

      const gql = await api.graphql(
        `{ Comment(id: ${replyToPending.id}) { parent { body } } }`,
        restAuth(staff, caller),
      )
      expect(gql.body.data?.Comment).toEqual({ parent: null })

      const local = await t.payload.findByID({
        collection: 'comments',
        id: replyToPending.id,
        depth: 2,
        ...localAuth(staff, caller),
      })
      expect(local.parent).toBe(pending.id)
    })

    it('cannot filter or sort comments by a private field (400)', async () => {
      const where = `/comments?where[authorEmail][equals]=${encodeURIComponent(approved.authorEmail)}`
      expect((await api.call('GET', where, restAuth(staff, caller))).status).toBe(400)
      expect(
        (await api.call('GET', '/comments?where[ip][exists]=true', restAuth(staff, caller))).status,
      ).toBe(400)
      expect(
        (await api.call('GET', '/comments?sort=authorEmail', restAuth(staff, caller))).status,
      ).toBe(400)

      const gql = await api.graphql(
        `{ Comments(where: { authorEmail: { equals: "${approved.authorEmail}" } }) { docs { id } } }`,
        restAuth(staff, caller),
      )
      expect(gql.body.data?.Comments).toBeNull()

      const local = await rejectionOf(
        t.payload.find({
          collection: 'comments',
          where: { authorEmail: { equals: approved.authorEmail } },
          ...localAuth(staff, caller),
        }),
      )
      expect(local.status).toBe(400)
    })
  })

  describe.each(['moderator', 'admin'] as const)('as %s', (role) => {
    it('lists comments of every status, with private fields', async () => {
      const rest = await api.call<Docs<Comment>>(
        'GET',
        '/comments?limit=100',
        restAuth(staff, role),
      )
      expect(ids(rest.body.docs)).toEqual(
        expect.arrayContaining([approved.id, pending.id, spam.id]),
      )
      rest.body.docs.forEach(expectPrivateFields)

      const gql = await api.graphql(
        `{ Comment(id: ${spam.id}) { status authorEmail ip } }`,
        restAuth(staff, role),
      )
      expect(gql.body.data?.Comment).toEqual({
        status: 'spam',
        authorEmail: spam.authorEmail,
        ip: '192.0.2.1',
      })

      const local = await t.payload.find({
        collection: 'comments',
        limit: 100,
        ...localAuth(staff, role),
      })
      expect(ids(local.docs)).toEqual(expect.arrayContaining([approved.id, pending.id, spam.id]))
      local.docs.forEach(expectPrivateFields)
    })

    it('reads a pending comment by id, and a populated parent, with private fields', async () => {
      const rest = await api.call<Comment>(
        'GET',
        `/comments/${replyToPending.id}?depth=2`,
        restAuth(staff, role),
      )
      expectPrivateFields(rest.body)
      expect(rest.body.parent).toMatchObject({ id: pending.id, status: 'pending' })
      expectPrivateFields(rest.body.parent as Comment)

      const local = await t.payload.findByID({
        collection: 'comments',
        id: replyToPending.id,
        depth: 2,
        ...localAuth(staff, role),
      })
      expectPrivateFields(local.parent as Comment)
    })
  })
})

describe('comments.create', () => {
  it('accepts an anonymous comment over REST as pending, whatever status it asks for', async () => {
    const rest = await api.call<Submitted>('POST', '/comments', {
      json: newCommentData({ status: 'approved', statusReason: 'Self-approved' }),
    })
    expect(rest.status).toBe(201)
    expect(rest.body).toEqual({
      id: expect.anything(),
      status: 'pending',
      message: 'Your comment is awaiting moderation.',
    })
    expect((await storedDoc(t.payload, 'comments', rest.body.id)).doc).toMatchObject({
      status: 'pending',
      statusReason: 'First comment from this name and email',
    })
  })

  it("records the submitter's IP, user agent and referrer from the request headers, not the body", async () => {
    const rest = await api.call<Submitted>('POST', '/comments', {
      json: newCommentData({
        ip: '10.9.9.9',
        userAgent: 'Forged/1.0',
        referrer: 'https://forged.example/',
      }),
      headers: {
        'x-real-ip': '203.0.113.7',
        'user-agent': 'Reader/2.0',
        referer: 'https://www.example.gov/post',
      },
    })
    expect(rest.status).toBe(201)
    expect((await storedDoc(t.payload, 'comments', rest.body.id)).doc).toMatchObject({
      ip: '203.0.113.7',
      userAgent: 'Reader/2.0',
      referrer: 'https://www.example.gov/post',
    })
  })

  it('accepts an anonymous Local API comment as pending, ignoring status and submitter fields in the data', async () => {
    const local = await t.payload.create({
      collection: 'comments',
      data: newCommentData({ status: 'approved', ip: '10.9.9.9' }) as Comment,
      ...localAuth(staff, 'anonymous'),
    })
    expect((await storedDoc(t.payload, 'comments', local.id)).doc).toMatchObject({
      status: 'pending',
      ip: null,
    })
  })

  it.each([
    ['editor', 'approved'],
    ['author', 'approved'],
    ['moderator', 'approved'],
    ['admin', 'approved'],
  ] as const)(
    'accepts a comment from the signed-in %s, stored as %s by the staff rule',
    async (role, status) => {
      const rest = await api.call<Submitted>('POST', '/comments', {
        ...restAuth(staff, role),
        json: newCommentData({ status: 'approved' }),
      })
      expect(rest.status).toBe(201)
      expect((await storedDoc(t.payload, 'comments', rest.body.id)).doc?.status).toBe(status)

      const local = await t.payload.create({
        collection: 'comments',
        data: newCommentData({ status: 'approved' }) as Comment,
        ...localAuth(staff, role),
      })
      expect((await storedDoc(t.payload, 'comments', local.id)).doc?.status).toBe(status)
    },
  )
})

describe('comments.update', () => {
  it.each(['moderator', 'admin'] as const)(
    "lets the %s change a comment's status",
    async (role) => {
      const comment = await commentWithPrivateFields({ status: 'pending' })

      const rest = await api.call('PATCH', `/comments/${comment.id}`, {
        ...restAuth(staff, role),
        json: { status: 'approved', statusReason: 'On topic' },
      })
      expect(rest.status).toBe(200)
      expect((await storedDoc(t.payload, 'comments', comment.id)).doc).toMatchObject({
        status: 'approved',
        statusReason: 'On topic',
      })

      await t.payload.update({
        collection: 'comments',
        id: comment.id,
        data: { status: 'spam' },
        ...localAuth(staff, role),
      })
      expect((await storedDoc(t.payload, 'comments', comment.id)).doc?.status).toBe('spam')
    },
  )

  it.each(['editor', 'author', 'anonymous'] as const)(
    "refuses the %s changing a comment's status (403); nothing changes",
    async (caller: Caller) => {
      const comment = await commentWithPrivateFields({ status: 'pending' })
      const before = await storedDoc(t.payload, 'comments', comment.id)

      const rest = await api.call('PATCH', `/comments/${comment.id}`, {
        ...restAuth(staff, caller),
        json: { status: 'approved' },
      })
      expect(rest.status).toBe(403)

      const local = await rejectionOf(
        t.payload.update({
          collection: 'comments',
          id: comment.id,
          data: { status: 'approved' },
          ...localAuth(staff, caller),
        }),
      )
      expect(local.status).toBe(403)

      expect(await storedDoc(t.payload, 'comments', comment.id)).toEqual(before)
    },
  )

  describe.each(['moderator', 'admin'] as const)('as %s', (role) => {
    it.each([
      ['authorName', 'Someone Else'],
      ['authorEmail', 'changed@example.com'],
      ['authorUrl', 'https://spam.example/'],
      ['body', 'Words the reader never wrote.'],
    ])(
      "refuses changing the reader's %s (403); the stored text is unchanged",
      async (field, value) => {
        const comment = await commentWithPrivateFields({
          status: 'approved',
          authorUrl: 'https://reader.example/',
        })
        const before = await storedDoc(t.payload, 'comments', comment.id)

        const rest = await api.call<Refusal>('PATCH', `/comments/${comment.id}`, {
          ...restAuth(staff, role),
          json: { [field]: value, status: 'approved' },
        })
        expect(rest.status).toBe(403)
        expect(rest.body.errors[0].message).toContain(field)

        const local = await rejectionOf(
          t.payload.update({
            collection: 'comments',
            id: comment.id,
            data: { [field]: value },
            ...localAuth(staff, role),
          }),
        )
        expect(local.status).toBe(403)

        expect(await storedDoc(t.payload, 'comments', comment.id)).toEqual(before)
      },
    )
  })
})

describe('comments.delete', () => {
  it('lets an admin delete a comment', async () => {
    const viaRest = await commentWithPrivateFields()
    expect(
      (await api.call('DELETE', `/comments/${viaRest.id}`, restAuth(staff, 'admin'))).status,
    ).toBe(200)
    expect((await storedDoc(t.payload, 'comments', viaRest.id)).doc).toBeNull()

    const viaLocal = await commentWithPrivateFields()
    await t.payload.delete({
      collection: 'comments',
      id: viaLocal.id,
      ...localAuth(staff, 'admin'),
    })
    expect((await storedDoc(t.payload, 'comments', viaLocal.id)).doc).toBeNull()
  })

  it.each(['moderator', 'editor', 'author', 'anonymous'] as const)(
    'refuses the %s (403); the comment stays',
    async (caller) => {
      const comment = await commentWithPrivateFields()
      const before = await storedCount(t.payload, 'comments')

      expect(
        (await api.call('DELETE', `/comments/${comment.id}`, restAuth(staff, caller))).status,
      ).toBe(403)

      const local = await rejectionOf(
        t.payload.delete({ collection: 'comments', id: comment.id, ...localAuth(staff, caller) }),
      )
      expect(local.status).toBe(403)

      expect(await storedCount(t.payload, 'comments')).toBe(before)
    },
  )
})
