import type { Post } from '@/payload-types'

import { createPost, createStaff, simpleBody, type Staff } from '../helpers/factories'
import { rejectionOf } from '../helpers/rejectionOf'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let t: TestPayload
let staff: Staff

beforeAll(async () => {
  t = await startTestPayload()
  staff = await createStaff(t.payload)
})
afterAll(async () => {
  await t?.stop()
})

describe('posts.slug', () => {
  it('is made from the title, and numbered when that slug is taken', async () => {
    const first = await createPost(t.payload, { title: 'Spring River Outlook: 2026' })
    const second = await createPost(t.payload, { title: 'Spring river outlook 2026' })
    expect(first.slug).toBe('spring-river-outlook-2026')
    expect(second.slug).toBe('spring-river-outlook-2026-2')
  })

  it('writes non-Latin titles in Latin letters, never an empty or "untitled" slug', async () => {
    const german = await createPost(t.payload, { title: 'Hochwasser an der Straße' })
    const polish = await createPost(t.payload, { title: 'Łódź: nowe śluzy' })
    const russian = await createPost(t.payload, { title: 'Паводок на реке' })
    expect([german.slug, polish.slug, russian.slug]).toEqual([
      'hochwasser-an-der-strasse',
      'lodz-nowe-sluzy',
      'pavodok-na-reke',
    ])
  })

  it('keeps a slug typed by hand', async () => {
    const post = await createPost(t.payload, { title: 'Any title', slug: 'my-own-slug' })
    expect(post.slug).toBe('my-own-slug')
  })

  it('refuses a hand-typed slug that is taken, and stores nothing', async () => {
    await createPost(t.payload, { slug: 'taken-slug' })
    const before = await t.payload.count({ collection: 'posts' })
    const refusal = await rejectionOf(createPost(t.payload, { slug: 'taken-slug' }))
    expect(refusal.status).toBe(400)
    expect(refusal.message).toMatch(/slug/i)
    expect(await t.payload.count({ collection: 'posts' })).toEqual(before)
  })

  it('refuses a malformed slug with a clear message, and stores nothing', async () => {
    const before = await t.payload.count({ collection: 'posts' })
    const refusal = await rejectionOf(createPost(t.payload, { slug: 'Not A Slug!' }))
    expect(refusal.status).toBe(400)
    expect(JSON.stringify(refusal)).toMatch(/lowercase letters, digits and single hyphens/)
    expect(await t.payload.count({ collection: 'posts' })).toEqual(before)
  })
})

describe('posts.publish', () => {
  it('sets the publication date on first publish and keeps it on later edits', async () => {
    const draft = await createPost(t.payload, { _status: 'draft' })
    expect(draft.publishedAt ?? null).toBeNull()
    const published = await t.payload.update({
      collection: 'posts',
      id: draft.id,
      data: { _status: 'published' },
    })
    expect(published.publishedAt).toEqual(expect.any(String))
    const edited = await t.payload.update({
      collection: 'posts',
      id: draft.id,
      data: { title: 'Edited' },
    })
    expect(edited.publishedAt).toBe(published.publishedAt)
  })

  it('keeps versions of a post', async () => {
    const post = await createPost(t.payload)
    await t.payload.update({ collection: 'posts', id: post.id, data: { title: 'Second' } })
    const { totalDocs } = await t.payload.findVersions({
      collection: 'posts',
      where: { parent: { equals: post.id } },
    })
    expect(totalDocs).toBeGreaterThanOrEqual(2)
  })
})

describe('posts.schedulePublish', () => {
  async function schedule(post: Post, userId: number | string) {
    await t.payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'posts', value: String(post.id) },
        user: { relationTo: 'users', value: userId },
      },
      waitUntil: new Date(Date.now() - 1000),
    } as Parameters<typeof t.payload.jobs.queue>[0])
    await t.payload.jobs.run()
  }

  async function anonymousCanRead(post: Post) {
    const { totalDocs } = await t.payload.count({
      collection: 'posts',
      overrideAccess: false,
      where: { id: { equals: post.id } },
    })
    return totalDocs === 1
  }

  it("publishes an editor's scheduled draft when the job runs", async () => {
    const draft = await createPost(t.payload, { _status: 'draft', createdBy: staff.editor.id })
    expect(await anonymousCanRead(draft)).toBe(false)
    await schedule(draft, staff.editor.id)
    const after = await t.payload.findByID({ collection: 'posts', id: draft.id })
    expect(after._status).toBe('published')
    expect(await anonymousCanRead(draft)).toBe(true)
  })

  it("does not publish an author's draft: authors cannot publish, even on a schedule", async () => {
    const draft = await createPost(t.payload, { _status: 'draft', createdBy: staff.author.id })
    await schedule(draft, staff.author.id)
    const after = await t.payload.findByID({ collection: 'posts', id: draft.id })
    expect(after._status).toBe('draft')
    expect(await anonymousCanRead(draft)).toBe(false)
  })
})

describe('posts.archive', () => {
  it('stamps the archive date and closes the comments, with the reason', async () => {
    const post = await createPost(t.payload)
    const archived = await t.payload.update({
      collection: 'posts',
      id: post.id,
      data: { archived: true },
      user: staff.editor,
      overrideAccess: false,
    })
    expect(archived.archivedAt).toEqual(expect.any(String))
    expect(archived.commentStatus).toBe('closed')
    expect(archived.commentsClosedReason).toMatch(/archived/i)
    expect(archived.commentsClosedAt).toEqual(expect.any(String))
  })

  it('records who closed the comments when the admin form sends its empty read-only fields', async () => {
    // What the edit form submits: every field, the read-only closure record included, as null.
    for (const change of [{ archived: true }, { commentStatus: 'closed' as const }]) {
      const post = await createPost(t.payload)
      const saved = await t.payload.update({
        collection: 'posts',
        id: post.id,
        data: { ...change, commentsClosedBy: null, commentsClosedAt: null },
        user: staff.editor,
        overrideAccess: false,
        depth: 0,
      })
      expect(saved).toMatchObject({ commentStatus: 'closed', commentsClosedBy: staff.editor.id })
      expect(saved.commentsClosedAt).toEqual(expect.any(String))
    }
  })

  it('clears the archive date when a post is restored to current', async () => {
    const post = await createPost(t.payload, { archived: true })
    const restored = await t.payload.update({
      collection: 'posts',
      id: post.id,
      data: { archived: false },
    })
    expect(restored.archivedAt ?? null).toBeNull()
  })
})

describe('posts.create', () => {
  it('requires at least one author and a body', async () => {
    const before = await t.payload.count({ collection: 'posts' })
    const refusal = await rejectionOf(
      t.payload.create({
        collection: 'posts',
        data: { title: 'No authors', body: simpleBody(), authors: [] } as never,
      }),
    )
    expect(refusal.status).toBe(400)
    expect(JSON.stringify(refusal)).toMatch(/authors/)
    expect(await t.payload.count({ collection: 'posts' })).toEqual(before)
  })
})
