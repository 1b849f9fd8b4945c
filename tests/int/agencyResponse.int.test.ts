import type { Comment, Post } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'

import { createApiClient, type ApiClient } from '../helpers/api'
import { restAuth } from '../helpers/callers'
import { createComment, createPost, createStaff, unique, type Staff } from '../helpers/factories'
import type { Refusal, Submitted } from '../helpers/restBodies'
import { DISCUSSION_DEFAULTS, setSiteSettings } from '../helpers/siteSettings'
import { storedCount, storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

// "Agency response": only the server decides that a comment is the agency's, from the signed-in
// user of the request, and stores the title it is signed with on the comment.

const AGENCY = 'Inland Test Administration'
const TITLE = 'Public Affairs Office'

let t: TestPayload
let api: ApiClient
let staff: Staff
let post: Post

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  await setSiteSettings(t.payload, {
    ...DISCUSSION_DEFAULTS,
    floodIntervalSeconds: 0,
    agencyName: AGENCY,
  })
  staff = await createStaff(t.payload)
  await t.payload.update({
    collection: 'users',
    id: staff.moderator.id,
    data: { title: TITLE },
  })
  post = await createPost(t.payload)
})
afterAll(async () => {
  await t?.stop()
})
beforeEach(() => runtimeOf(t.payload).content.clear())

const text = (what = 'A reply') => `${what} (${unique()}).`

function reply(caller: 'moderator' | 'admin', parent: Comment) {
  return api.call<{ id: number; status: string } & Refusal>(
    'POST',
    `/comments/${parent.id}/reply`,
    { ...restAuth(staff, caller), json: { body: text('We will look into it') } },
  )
}

describe('agency responses', () => {
  it("stores a moderator's reply from the queue signed with their public title, readable by anyone", async () => {
    const parent = await createComment(t.payload, post, { status: 'approved' })
    const res = await reply('moderator', parent)
    expect(res.status).toBe(201)
    const { doc } = await storedDoc(t.payload, 'comments', res.body.id)
    expect(doc).toMatchObject({
      status: 'approved',
      submittedBy: staff.moderator.id,
      agencyResponse: TITLE,
    })
    const read = await api.call<Comment>('GET', `/comments/${res.body.id}?depth=0`)
    expect(read.status).toBe(200)
    expect(read.body.agencyResponse).toBe(TITLE)
    // Who posted it stays private.
    expect(read.body.submittedBy).toBeUndefined()
  })

  it('signs a reply by staff without a title with the agency name from the site settings', async () => {
    const parent = await createComment(t.payload, post, { status: 'approved' })
    const res = await reply('admin', parent)
    expect(res.status).toBe(201)
    expect((await storedDoc(t.payload, 'comments', res.body.id)).doc?.agencyResponse).toBe(AGENCY)
  })

  it('shows the mark on the post page, in thread order and numbering', async () => {
    const own = await createPost(t.payload)
    const first = await createComment(t.payload, own, { createdAt: '2026-01-01T10:00:00.000Z' })
    const res = await reply('moderator', first)
    const { loadPostPage } = await import('@/data/postPage')
    const page = await loadPostPage(own.slug)
    expect(page?.discussion.comments.map((c) => [c.number, c.agencyResponse ?? null])).toEqual([
      [1, null],
      [2, TITLE],
    ])
    expect(page?.discussion.comments[1].id).toBe(res.body.id)
  })

  it("ignores a reader's claim to be the agency in POST /api/comments, as any unknown field", async () => {
    const res = await api.call<Submitted>('POST', '/comments', {
      json: {
        post: post.id,
        authorName: 'Sly Reader',
        authorEmail: `sly-${unique()}@example.com`,
        body: text('Official answer'),
        agencyResponse: TITLE,
        submittedBy: staff.moderator.id,
        staff: true,
      },
    })
    expect(res.status).toBe(201)
    const { doc } = await storedDoc(t.payload, 'comments', res.body.id)
    expect(doc).toMatchObject({ submittedBy: null, agencyResponse: null })
  })

  it('refuses the field from a reader through GraphQL; nothing is stored', async () => {
    const before = await storedCount(t.payload, 'comments')
    const res = await api.graphql(
      `mutation ($data: mutationCommentInput!) { createComment(data: $data) { id } }`,
      {
        variables: {
          data: {
            post: post.id,
            authorName: 'Sly Reader',
            authorEmail: `sly-${unique()}@example.com`,
            body: text('Official answer'),
            status: 'approved',
            agencyResponse: TITLE,
          },
        },
      },
    )
    expect(res.body.errors?.length).toBeGreaterThan(0)
    expect(await storedCount(t.payload, 'comments')).toBe(before)
  })

  it("refuses a moderator's change of the mark with 403 and leaves the comment as it was", async () => {
    const readerComment = await createComment(t.payload, post, { status: 'approved' })
    const res = await api.call<Refusal>('PATCH', `/comments/${readerComment.id}`, {
      ...restAuth(staff, 'moderator'),
      json: { agencyResponse: TITLE },
    })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/agencyResponse/)
    expect((await storedDoc(t.payload, 'comments', readerComment.id)).doc?.agencyResponse).toBe(
      null,
    )
  })

  it('lets an admin set a public title; a staff member cannot set their own (403)', async () => {
    const own = await api.call<Refusal>('PATCH', `/users/${staff.editor.id}`, {
      ...restAuth(staff, 'editor'),
      json: { title: 'Secretary' },
    })
    expect(own.status).toBe(403)
    expect(own.body.errors[0].message).toMatch(/title/)
    expect((await storedDoc(t.payload, 'users', staff.editor.id)).doc?.title ?? null).toBe(null)

    const byAdmin = await api.call('PATCH', `/users/${staff.editor.id}`, {
      ...restAuth(staff, 'admin'),
      json: { title: 'Office of Communications' },
    })
    expect(byAdmin.status).toBe(200)
    expect((await storedDoc(t.payload, 'users', staff.editor.id)).doc?.title).toBe(
      'Office of Communications',
    )
  })
})
