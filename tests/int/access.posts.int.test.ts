import type { RequiredDataFromCollectionSlug } from 'payload'

import { ROLES } from '@/access/roles'
import type { Author, Post } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import { localAuth, restAuth } from '../helpers/callers'
import { createAuthor, createPost, createStaff, simpleBody, type Staff } from '../helpers/factories'
import { rejectionOf } from '../helpers/rejectionOf'
import type { Docs, Refusal, Saved } from '../helpers/restBodies'
import { storedCount, storedDoc } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let t: TestPayload
let api: ApiClient
let staff: Staff
let profile: Author

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  profile = await createAuthor(t.payload)
})
afterAll(async () => {
  await t?.stop()
})

/** A post the author started (createdBy), made by the server; published unless `_status: 'draft'`. */
function authorsPost(data: Partial<Omit<Post, 'authors'>> = {}) {
  return createPost(t.payload, { authors: [profile.id], createdBy: staff.author.id, ...data })
}

/** A published post the author started, with a newer draft revision not yet published. */
async function publishedWithPendingRevision() {
  const post = await authorsPost({ title: 'Published title' })
  await t.payload.update({
    collection: 'posts',
    id: post.id,
    draft: true,
    data: { title: 'Unpublished revision' },
  })
  return post
}

/** Fields a caller sends to create a post; the slug is filled in from the title. */
function newPostData(data: Partial<Omit<Post, 'authors'>> = {}) {
  const post = { title: 'A new post', body: simpleBody(), authors: [profile.id], ...data }
  return post as RequiredDataFromCollectionSlug<'posts'>
}

const ids = (docs: { id: number | string }[]) => docs.map((doc) => doc.id)

describe('posts.read', () => {
  describe('anonymous', () => {
    it('lists published posts and leaves drafts out', async () => {
      const published = await createPost(t.payload)
      const draft = await createPost(t.payload, { _status: 'draft' })

      const rest = await api.call<Docs<Post>>('GET', '/posts?limit=100')
      expect(rest.status).toBe(200)
      expect(ids(rest.body.docs)).toContain(published.id)
      expect(ids(rest.body.docs)).not.toContain(draft.id)

      const gql = await api.graphql('{ Posts(limit: 100) { docs { id _status } } }')
      expect(gql.body.data?.Posts.docs).toContainEqual({ id: published.id, _status: 'published' })
      expect(ids(gql.body.data?.Posts.docs)).not.toContain(draft.id)

      const local = await t.payload.find({
        collection: 'posts',
        limit: 100,
        ...localAuth(staff, 'anonymous'),
      })
      expect(ids(local.docs)).toContain(published.id)
      expect(ids(local.docs)).not.toContain(draft.id)
    })

    it('reads a published post by id', async () => {
      const post = await createPost(t.payload)

      const rest = await api.call<Post>('GET', `/posts/${post.id}`)
      expect(rest.status).toBe(200)
      expect(rest.body.title).toBe(post.title)

      const gql = await api.graphql(`{ Post(id: ${post.id}) { title } }`)
      expect(gql.body.data?.Post).toEqual({ title: post.title })

      const local = await t.payload.findByID({
        collection: 'posts',
        id: post.id,
        ...localAuth(staff, 'anonymous'),
      })
      expect(local.title).toBe(post.title)
    })

    it('gets 404 for a draft by id', async () => {
      const draft = await createPost(t.payload, { _status: 'draft' })

      expect((await api.call('GET', `/posts/${draft.id}`)).status).toBe(404)
      expect((await api.call('GET', `/posts/${draft.id}?draft=true`)).status).toBe(404)

      const gql = await api.graphql(`{ Post(id: ${draft.id}) { title } }`)
      expect(gql.body.data?.Post).toBeNull()
      expect(gql.body.errors?.[0].message).toBe('Not Found')

      const local = await rejectionOf(
        t.payload.findByID({ collection: 'posts', id: draft.id, ...localAuth(staff, 'anonymous') }),
      )
      expect(local.status).toBe(404)
    })

    it('never sees the unpublished revision of a published post, even asking for drafts', async () => {
      const post = await publishedWithPendingRevision()

      for (const path of [`/posts/${post.id}`, `/posts/${post.id}?draft=true`]) {
        const rest = await api.call<Post>('GET', path)
        expect(rest.status).toBe(200)
        expect(rest.body.title).toBe('Published title')
      }
      const list = await api.call<Docs<Post>>('GET', '/posts?draft=true&limit=100')
      expect(list.body.docs.map((doc: Post) => doc.title)).not.toContain('Unpublished revision')

      const gql = await api.graphql(`{ Post(id: ${post.id}, draft: true) { title } }`)
      expect(gql.body.data?.Post).toEqual({ title: 'Published title' })

      const local = await t.payload.findByID({
        collection: 'posts',
        id: post.id,
        draft: true,
        ...localAuth(staff, 'anonymous'),
      })
      expect(local.title).toBe('Published title')
    })

    it('does not see who created a post or who closed its comments', async () => {
      const post = await authorsPost({
        commentStatus: 'closed',
        commentsClosedBy: staff.moderator.id,
      })

      const rest = await api.call('GET', `/posts/${post.id}?depth=1`)
      expect(rest.status).toBe(200)
      expect(rest.body).not.toHaveProperty('createdBy')
      expect(rest.body).not.toHaveProperty('commentsClosedBy')

      const gql = await api.graphql(
        `{ Post(id: ${post.id}) { createdBy { id } commentsClosedBy { id } } }`,
      )
      expect(gql.body.data?.Post).toEqual({ createdBy: null, commentsClosedBy: null })

      const local = await t.payload.findByID({
        collection: 'posts',
        id: post.id,
        ...localAuth(staff, 'anonymous'),
      })
      expect(local).not.toHaveProperty('createdBy')
      expect(local).not.toHaveProperty('commentsClosedBy')
    })

    it('cannot filter posts by who created them (400)', async () => {
      await authorsPost()

      const rest = await api.call('GET', `/posts?where[createdBy][equals]=${staff.author.id}`)
      expect(rest.status).toBe(400)

      const local = await rejectionOf(
        t.payload.find({
          collection: 'posts',
          where: { createdBy: { equals: staff.author.id } },
          ...localAuth(staff, 'anonymous'),
        }),
      )
      expect(local.status).toBe(400)
    })
  })

  describe.each(ROLES)('as %s', (role) => {
    it('lists and reads drafts', async () => {
      const draft = await createPost(t.payload, { _status: 'draft' })

      const list = await api.call<Docs<Post>>('GET', '/posts?limit=100', restAuth(staff, role))
      expect(ids(list.body.docs)).toContain(draft.id)
      const byId = await api.call('GET', `/posts/${draft.id}`, restAuth(staff, role))
      expect(byId.status).toBe(200)

      const gql = await api.graphql(`{ Post(id: ${draft.id}) { _status } }`, restAuth(staff, role))
      expect(gql.body.data?.Post).toEqual({ _status: 'draft' })

      const local = await t.payload.find({
        collection: 'posts',
        limit: 100,
        ...localAuth(staff, role),
      })
      expect(ids(local.docs)).toContain(draft.id)
    })

    it('sees who created a post and who closed its comments', async () => {
      const post = await authorsPost({
        commentStatus: 'closed',
        commentsClosedBy: staff.moderator.id,
      })

      const rest = await api.call('GET', `/posts/${post.id}?depth=0`, restAuth(staff, role))
      expect(rest.body).toMatchObject({
        createdBy: staff.author.id,
        commentsClosedBy: staff.moderator.id,
      })

      const local = await t.payload.findByID({
        collection: 'posts',
        id: post.id,
        depth: 0,
        ...localAuth(staff, role),
      })
      expect(local).toMatchObject({
        createdBy: staff.author.id,
        commentsClosedBy: staff.moderator.id,
      })
    })
  })
})

describe('posts.readVersions', () => {
  it.each(ROLES)('lets the %s read versions', async (role) => {
    const post = await createPost(t.payload)

    const rest = await api.call<Docs<unknown>>(
      'GET',
      `/posts/versions?where[parent][equals]=${post.id}`,
      restAuth(staff, role),
    )
    expect(rest.status).toBe(200)
    expect(rest.body.totalDocs).toBeGreaterThan(0)

    const local = await t.payload.findVersions({
      collection: 'posts',
      where: { parent: { equals: post.id } },
      ...localAuth(staff, role),
    })
    expect(local.totalDocs).toBeGreaterThan(0)
  })

  it('refuses anonymous readers (403)', async () => {
    const post = await createPost(t.payload)

    expect((await api.call('GET', '/posts/versions')).status).toBe(403)

    const local = await rejectionOf(
      t.payload.findVersions({
        collection: 'posts',
        where: { parent: { equals: post.id } },
        ...localAuth(staff, 'anonymous'),
      }),
    )
    expect(local.status).toBe(403)
  })
})

describe('posts.create', () => {
  it.each(['admin', 'editor'] as const)('lets the %s create and publish a post', async (role) => {
    const rest = await api.call<Saved<Post>>('POST', '/posts', {
      ...restAuth(staff, role),
      json: newPostData({ _status: 'published' }),
    })
    expect(rest.status).toBe(201)
    expect((await storedDoc(t.payload, 'posts', rest.body.doc.id)).doc?._status).toBe('published')

    const local = await t.payload.create({
      collection: 'posts',
      data: newPostData({ _status: 'published' }),
      ...localAuth(staff, role),
    })
    expect((await storedDoc(t.payload, 'posts', local.id)).doc?._status).toBe('published')
  })

  it('lets an author create a draft, recorded as theirs', async () => {
    // Naming another creator is refused by name (it used to be dropped without a word).
    const claimed = await api.call<Refusal>('POST', '/posts', {
      ...restAuth(staff, 'author'),
      json: newPostData({ createdBy: staff.editor.id }),
    })
    expect(claimed.status).toBe(403)
    expect(claimed.body.errors[0].message).toMatch(/createdBy/)

    const rest = await api.call<Saved<Post>>('POST', '/posts', {
      ...restAuth(staff, 'author'),
      json: newPostData(),
    })
    expect(rest.status).toBe(201)
    expect((await storedDoc(t.payload, 'posts', rest.body.doc.id)).doc).toMatchObject({
      _status: 'draft',
      createdBy: staff.author.id,
    })

    const local = await t.payload.create({
      collection: 'posts',
      data: newPostData(),
      ...localAuth(staff, 'author'),
    })
    expect((await storedDoc(t.payload, 'posts', local.id)).doc).toMatchObject({
      _status: 'draft',
      createdBy: staff.author.id,
    })
  })

  it('refuses an author creating a published post (403, says publish) and stores nothing', async () => {
    const before = await storedCount(t.payload, 'posts')

    const rest = await api.call<Refusal>('POST', '/posts', {
      ...restAuth(staff, 'author'),
      json: newPostData({ _status: 'published' }),
    })
    expect(rest.status).toBe(403)
    expect(rest.body.errors[0].message).toMatch(/publish/i)

    const local = await rejectionOf(
      t.payload.create({
        collection: 'posts',
        data: newPostData({ _status: 'published' }),
        ...localAuth(staff, 'author'),
      }),
    )
    expect(local.status).toBe(403)
    expect(local.message).toMatch(/publish/i)

    expect(await storedCount(t.payload, 'posts')).toBe(before)
  })

  it.each([
    ['commentStatus', 'closed'],
    ['archived', true],
  ] as const)(
    'refuses an author creating a post with %s set to %s (403) and stores nothing',
    async (field, value) => {
      const before = await storedCount(t.payload, 'posts')

      const rest = await api.call<Refusal>('POST', '/posts', {
        ...restAuth(staff, 'author'),
        json: newPostData({ [field]: value }),
      })
      expect(rest.status).toBe(403)
      expect(rest.body.errors[0].message).toContain(field)

      const local = await rejectionOf(
        t.payload.create({
          collection: 'posts',
          data: newPostData({ [field]: value }),
          ...localAuth(staff, 'author'),
        }),
      )
      expect(local.status).toBe(403)

      expect(await storedCount(t.payload, 'posts')).toBe(before)
    },
  )

  it.each(['moderator', 'anonymous'] as const)(
    'refuses the %s (403) and stores nothing',
    async (caller) => {
      const before = await storedCount(t.payload, 'posts')

      const rest = await api.call('POST', '/posts', {
        ...restAuth(staff, caller),
        json: newPostData(),
      })
      expect(rest.status).toBe(403)

      const local = await rejectionOf(
        t.payload.create({ collection: 'posts', data: newPostData(), ...localAuth(staff, caller) }),
      )
      expect(local.status).toBe(403)

      expect(await storedCount(t.payload, 'posts')).toBe(before)
    },
  )
})

describe('posts.update', () => {
  it.each(['admin', 'editor'] as const)(
    "lets the %s edit anyone's post, archive it and close its comments",
    async (role) => {
      const editorial = {
        archived: true,
        archiveNotice: 'Kept for the record.',
        commentStatus: 'closed',
      }

      const viaRest = await authorsPost()
      const rest = await api.call('PATCH', `/posts/${viaRest.id}`, {
        ...restAuth(staff, role),
        json: { title: 'Edited over REST', ...editorial },
      })
      expect(rest.status).toBe(200)
      expect((await storedDoc(t.payload, 'posts', viaRest.id)).doc).toMatchObject({
        title: 'Edited over REST',
        ...editorial,
      })

      const viaLocal = await authorsPost()
      await t.payload.update({
        collection: 'posts',
        id: viaLocal.id,
        data: { title: 'Edited locally', ...editorial } as Partial<Post>,
        ...localAuth(staff, role),
      })
      expect((await storedDoc(t.payload, 'posts', viaLocal.id)).doc).toMatchObject({
        title: 'Edited locally',
        ...editorial,
      })
    },
  )

  describe('as author', () => {
    it('lets an author save their own post as a draft', async () => {
      const post = await authorsPost({ _status: 'draft' })

      const rest = await api.call('PATCH', `/posts/${post.id}?draft=true`, {
        ...restAuth(staff, 'author'),
        json: { title: 'Draft over REST' },
      })
      expect(rest.status).toBe(200)
      const afterRest = await t.payload.findByID({ collection: 'posts', id: post.id, draft: true })
      expect(afterRest).toMatchObject({ title: 'Draft over REST', _status: 'draft' })

      await t.payload.update({
        collection: 'posts',
        id: post.id,
        draft: true,
        data: { title: 'Draft locally' },
        ...localAuth(staff, 'author'),
      })
      const afterLocal = await t.payload.findByID({ collection: 'posts', id: post.id, draft: true })
      expect(afterLocal).toMatchObject({ title: 'Draft locally', _status: 'draft' })
    })

    it('keeps readers on the published version while the author drafts a revision', async () => {
      const post = await authorsPost({ title: 'Published title' })

      const rest = await api.call('PATCH', `/posts/${post.id}?draft=true`, {
        ...restAuth(staff, 'author'),
        json: { title: 'Revision over REST' },
      })
      expect(rest.status).toBe(200)
      await t.payload.update({
        collection: 'posts',
        id: post.id,
        draft: true,
        data: { title: 'Revision locally' },
        ...localAuth(staff, 'author'),
      })

      expect((await api.call<Post>('GET', `/posts/${post.id}`)).body.title).toBe('Published title')
      expect((await storedDoc(t.payload, 'posts', post.id)).doc).toMatchObject({
        title: 'Published title',
        _status: 'published',
      })
    })

    it('refuses an author publishing their own draft (403, says publish); nothing changes', async () => {
      const post = await authorsPost({ _status: 'draft' })
      const before = await storedDoc(t.payload, 'posts', post.id)

      const rest = await api.call<Refusal>('PATCH', `/posts/${post.id}`, {
        ...restAuth(staff, 'author'),
        json: { title: 'Going live', _status: 'published' },
      })
      expect(rest.status).toBe(403)
      expect(rest.body.errors[0].message).toMatch(/publish/i)

      const local = await rejectionOf(
        t.payload.update({
          collection: 'posts',
          id: post.id,
          data: { title: 'Going live', _status: 'published' },
          ...localAuth(staff, 'author'),
        }),
      )
      expect(local.status).toBe(403)
      expect(local.message).toMatch(/publish/i)

      expect(await storedDoc(t.payload, 'posts', post.id)).toEqual(before)
    })

    it('refuses an author saving their published post other than as a draft (403); nothing changes', async () => {
      // Without ?draft=true the save would rewrite the live post.
      const post = await authorsPost()
      const before = await storedDoc(t.payload, 'posts', post.id)

      const rest = await api.call<Refusal>('PATCH', `/posts/${post.id}`, {
        ...restAuth(staff, 'author'),
        json: { title: 'Straight to readers' },
      })
      expect(rest.status).toBe(403)
      expect(rest.body.errors[0].message).toMatch(/publish/i)

      const local = await rejectionOf(
        t.payload.update({
          collection: 'posts',
          id: post.id,
          data: { title: 'Straight to readers' },
          ...localAuth(staff, 'author'),
        }),
      )
      expect(local.status).toBe(403)

      expect(await storedDoc(t.payload, 'posts', post.id)).toEqual(before)
    })

    it('refuses an author taking their published post offline (403, says unpublish); nothing changes', async () => {
      const post = await authorsPost()
      const before = await storedDoc(t.payload, 'posts', post.id)

      const rest = await api.call<Refusal>('PATCH', `/posts/${post.id}`, {
        ...restAuth(staff, 'author'),
        json: { _status: 'draft' },
      })
      expect(rest.status).toBe(403)
      expect(rest.body.errors[0].message).toMatch(/cannot unpublish/i)

      const gql = await api.graphql(
        `mutation { updatePost(id: ${post.id}, data: { _status: draft }) { id } }`,
        restAuth(staff, 'author'),
      )
      expect(gql.body.errors?.[0].message).toMatch(/cannot unpublish/i)

      const local = await rejectionOf(
        t.payload.update({
          collection: 'posts',
          id: post.id,
          data: { _status: 'draft' },
          ...localAuth(staff, 'author'),
        }),
      )
      expect(local.status).toBe(403)

      expect(await storedDoc(t.payload, 'posts', post.id)).toEqual(before)
      expect((await api.call<Post>('GET', `/posts/${post.id}`)).status).toBe(200)
    })

    it('refuses an author restoring a draft version over their published post; it stays online', async () => {
      const post = await authorsPost({ title: 'Online' })
      const saved = await api.call('PATCH', `/posts/${post.id}?draft=true`, {
        ...restAuth(staff, 'author'),
        json: { title: 'A draft revision', _status: 'draft' },
      })
      expect(saved.status).toBe(200)
      const drafts = await t.payload.findVersions({
        collection: 'posts',
        where: {
          and: [{ parent: { equals: post.id } }, { 'version._status': { equals: 'draft' } }],
        },
      })
      expect(drafts.docs.length).toBeGreaterThan(0)

      const rest = await api.call<Refusal>('POST', `/posts/versions/${drafts.docs[0].id}`, {
        ...restAuth(staff, 'author'),
      })
      expect(rest.status).toBe(403)
      expect(rest.body.errors[0].message).toMatch(/cannot unpublish/i)
      expect((await storedDoc(t.payload, 'posts', post.id)).doc?._status).toBe('published')
      expect((await api.call<Post>('GET', `/posts/${post.id}`)).status).toBe(200)
    })

    it('lets an author save a draft revision of their published post, which stays online', async () => {
      const post = await authorsPost({ title: 'Still online' })
      // What the admin's "Save draft" sends.
      const rest = await api.call('PATCH', `/posts/${post.id}?draft=true`, {
        ...restAuth(staff, 'author'),
        json: { title: 'Revision', _status: 'draft' },
      })
      expect(rest.status).toBe(200)
      expect((await storedDoc(t.payload, 'posts', post.id)).doc).toMatchObject({
        title: 'Still online',
        _status: 'published',
      })
    })

    it('lets an editor take a post offline', async () => {
      const post = await authorsPost()
      const rest = await api.call('PATCH', `/posts/${post.id}`, {
        ...restAuth(staff, 'editor'),
        json: { _status: 'draft' },
      })
      expect(rest.status).toBe(200)
      expect((await storedDoc(t.payload, 'posts', post.id)).doc?._status).toBe('draft')
      expect((await api.call('GET', `/posts/${post.id}`)).status).toBe(404)
    })

    it("refuses an author editing another author's post (403); nothing changes", async () => {
      const post = await createPost(t.payload, { _status: 'draft', createdBy: staff.editor.id })
      const before = await storedDoc(t.payload, 'posts', post.id)

      const rest = await api.call('PATCH', `/posts/${post.id}?draft=true`, {
        ...restAuth(staff, 'author'),
        json: { title: 'Not mine' },
      })
      expect(rest.status).toBe(403)

      const local = await rejectionOf(
        t.payload.update({
          collection: 'posts',
          id: post.id,
          draft: true,
          data: { title: 'Not mine' },
          ...localAuth(staff, 'author'),
        }),
      )
      expect(local.status).toBe(403)

      expect(await storedDoc(t.payload, 'posts', post.id)).toEqual(before)
    })

    it.each([
      ['archived', true],
      ['archiveNotice', 'Outdated, see the new page.'],
      ['commentStatus', 'closed'],
    ] as const)(
      'refuses an author changing %s on their own post (403); nothing changes',
      async (field, value) => {
        const post = await authorsPost({ _status: 'draft' })
        const before = await storedDoc(t.payload, 'posts', post.id)

        const rest = await api.call<Refusal>('PATCH', `/posts/${post.id}?draft=true`, {
          ...restAuth(staff, 'author'),
          json: { [field]: value },
        })
        expect(rest.status).toBe(403)
        expect(rest.body.errors[0].message).toContain(field)

        const local = await rejectionOf(
          t.payload.update({
            collection: 'posts',
            id: post.id,
            draft: true,
            data: { [field]: value },
            ...localAuth(staff, 'author'),
          }),
        )
        expect(local.status).toBe(403)

        expect(await storedDoc(t.payload, 'posts', post.id)).toEqual(before)
      },
    )
  })

  it.each(['moderator', 'anonymous'] as const)(
    'refuses a PATCH from the %s (403); nothing changes',
    async (caller) => {
      const post = await createPost(t.payload)
      const before = await storedDoc(t.payload, 'posts', post.id)

      const rest = await api.call('PATCH', `/posts/${post.id}`, {
        ...restAuth(staff, caller),
        json: { title: 'Changed', commentStatus: 'closed' },
      })
      expect(rest.status).toBe(403)

      const local = await rejectionOf(
        t.payload.update({
          collection: 'posts',
          id: post.id,
          data: { title: 'Changed', commentStatus: 'closed' },
          ...localAuth(staff, caller),
        }),
      )
      expect(local.status).toBe(403)

      expect(await storedDoc(t.payload, 'posts', post.id)).toEqual(before)
    },
  )
})

describe('posts.delete', () => {
  it.each(['admin', 'editor'] as const)('lets the %s delete a post', async (role) => {
    const viaRest = await authorsPost()
    expect((await api.call('DELETE', `/posts/${viaRest.id}`, restAuth(staff, role))).status).toBe(
      200,
    )
    expect((await storedDoc(t.payload, 'posts', viaRest.id)).doc).toBeNull()

    const viaLocal = await authorsPost()
    await t.payload.delete({ collection: 'posts', id: viaLocal.id, ...localAuth(staff, role) })
    expect((await storedDoc(t.payload, 'posts', viaLocal.id)).doc).toBeNull()
  })

  it.each(['author', 'moderator', 'anonymous'] as const)(
    'refuses the %s, even on a post the author started (403); the post stays',
    async (caller) => {
      const post = await authorsPost({ _status: 'draft' })
      const before = await storedDoc(t.payload, 'posts', post.id)

      expect((await api.call('DELETE', `/posts/${post.id}`, restAuth(staff, caller))).status).toBe(
        403,
      )

      const local = await rejectionOf(
        t.payload.delete({ collection: 'posts', id: post.id, ...localAuth(staff, caller) }),
      )
      expect(local.status).toBe(403)

      expect(await storedDoc(t.payload, 'posts', post.id)).toEqual(before)
    },
  )
})

/**
 * The thread endpoint is REST only. Its Local API counterpart is posts.update: moderators are
 * refused there (above), editors and admins may set commentStatus directly.
 */
describe('posts.thread (POST /api/posts/:id/thread)', () => {
  describe.each(['moderator', 'editor', 'admin'] as const)('as %s', (role) => {
    it('closes comments with a reason, recording who and when', async () => {
      const post = await createPost(t.payload)
      const startedAt = Date.now()

      const res = await api.call('POST', `/posts/${post.id}/thread`, {
        ...restAuth(staff, role),
        json: { status: 'closed', reason: '  Off-topic replies.  ' },
      })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({
        id: post.id,
        commentStatus: 'closed',
        commentsClosedBy: staff[role].id,
      })

      const { doc } = await storedDoc(t.payload, 'posts', post.id)
      expect(doc).toMatchObject({
        commentStatus: 'closed',
        commentsClosedBy: staff[role].id,
        commentsClosedReason: 'Off-topic replies.',
        _status: 'published',
      })
      expect(Date.parse(doc!.commentsClosedAt!)).toBeGreaterThanOrEqual(startedAt - 1000)
    })

    it('reopens comments, clearing the closure record', async () => {
      const post = await createPost(t.payload, {
        commentStatus: 'closed',
        commentsClosedBy: staff.moderator.id,
        commentsClosedReason: 'Paused.',
      })

      const res = await api.call('POST', `/posts/${post.id}/thread`, {
        ...restAuth(staff, role),
        json: { status: 'open' },
      })
      expect(res.status).toBe(200)
      expect((await storedDoc(t.payload, 'posts', post.id)).doc).toMatchObject({
        commentStatus: 'open',
        commentsClosedAt: null,
        commentsClosedBy: null,
        commentsClosedReason: null,
      })
    })
  })

  it.each([
    ['author', 403],
    ['anonymous', 401],
  ] as const)('refuses the %s (%i); nothing changes', async (caller, status) => {
    const post = await createPost(t.payload)
    const before = await storedDoc(t.payload, 'posts', post.id)

    const res = await api.call<Refusal>('POST', `/posts/${post.id}/thread`, {
      ...restAuth(staff, caller),
      json: { status: 'closed' },
    })
    expect(res.status).toBe(status)
    expect(res.body.errors[0].message).toMatch(/comments/)

    expect(await storedDoc(t.payload, 'posts', post.id)).toEqual(before)
  })

  it.each([
    ['an unknown status', { status: 'locked' }, 'status'],
    ['no status', {}, 'status'],
    ['a reason over 500 characters', { status: 'closed', reason: 'x'.repeat(501) }, 'reason'],
    ['a reason that is not text', { status: 'closed', reason: 42 }, 'reason'],
  ])('answers 400 with the field path for %s; nothing changes', async (_label, json, path) => {
    const post = await createPost(t.payload)
    const before = await storedDoc(t.payload, 'posts', post.id)

    const res = await api.call('POST', `/posts/${post.id}/thread`, {
      ...restAuth(staff, 'moderator'),
      json,
    })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ errors: [{ path, message: expect.any(String) }] })

    expect(await storedDoc(t.payload, 'posts', post.id)).toEqual(before)
  })

  it('answers 400 to a request without a JSON body', async () => {
    const post = await createPost(t.payload)

    const res = await api.call<Refusal>(
      'POST',
      `/posts/${post.id}/thread`,
      restAuth(staff, 'moderator'),
    )
    expect(res.status).toBe(400)
    expect(res.body.errors).toContainEqual({ path: 'status', message: expect.any(String) })
  })

  it('answers 404 for a post that does not exist', async () => {
    const res = await api.call('POST', '/posts/999999/thread', {
      ...restAuth(staff, 'moderator'),
      json: { status: 'closed' },
    })
    expect(res.status).toBe(404)
  })

  it('keeps a published post online and unchanged when its thread is closed during a pending revision', async () => {
    const post = await publishedWithPendingRevision()
    // Payload bases a non-draft update on the latest version, which here is the unpublished draft.

    const res = await api.call('POST', `/posts/${post.id}/thread`, {
      ...restAuth(staff, 'moderator'),
      json: { status: 'closed' },
    })
    expect(res.status).toBe(200)

    const reader = await api.call('GET', `/posts/${post.id}`)
    expect(reader.status).toBe(200)
    expect(reader.body).toMatchObject({ title: 'Published title', commentStatus: 'closed' })
  })
})
