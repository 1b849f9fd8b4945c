import type { Comment, Post } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'
import { RECHECK_AFTER_MS } from '@/runtime/sharedInvalidation'

import { createApiClient, type ApiClient } from '../helpers/api'
import { countDatabaseCalls } from '../helpers/countDatabaseCalls'
import { createComment, createPost, createStaff, type Staff } from '../helpers/factories'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

let t: TestPayload
let api: ApiClient
let staff: Staff
let data: {
  loadPostPage: typeof import('@/data/postPage').loadPostPage
  listPosts: typeof import('@/data/posts').listPosts
  feedPosts: typeof import('@/data/feedPosts').feedPosts
  sitemapPosts: typeof import('@/data/sitemapPosts').sitemapPosts
  getSiteSettings: typeof import('@/data/siteSettings').getSiteSettings
}

beforeAll(async () => {
  t = await startTestPayload()
  api = await createApiClient()
  staff = await createStaff(t.payload)
  data = {
    ...(await import('@/data/postPage')),
    ...(await import('@/data/posts')),
    ...(await import('@/data/feedPosts')),
    ...(await import('@/data/sitemapPosts')),
    ...(await import('@/data/siteSettings')),
  }
})
afterAll(async () => {
  await t?.stop()
})
const contentCache = () => runtimeOf(t.payload).content
beforeEach(() => contentCache().clear())

const shownIds = async (post: Post) =>
  ((await data.loadPostPage(post.slug))?.discussion.comments ?? []).map((comment) => comment.id)

const moderate = (ids: (number | string)[], action: string) =>
  api.call('POST', '/comments/moderate', {
    token: staff.moderator.token,
    json: { ids, action },
  })

describe('content cache: changes show on the next read', () => {
  it('shows a comment once approved and hides it again once marked as spam', async () => {
    const post = await createPost(t.payload)
    const comment = await createComment(t.payload, post, { status: 'pending' })
    expect(await shownIds(post)).toEqual([]) // now cached

    expect((await moderate([comment.id], 'approve')).status).toBe(200)
    expect(await shownIds(post)).toEqual([comment.id])

    expect((await moderate([comment.id], 'spam')).status).toBe(200)
    expect(await shownIds(post)).toEqual([])
  })

  it('drops an approved comment that an admin deletes', async () => {
    const post = await createPost(t.payload)
    const comment = await createComment(t.payload, post, { status: 'approved' })
    expect(await shownIds(post)).toEqual([comment.id])
    const deleted = await api.call('DELETE', `/comments/${comment.id}`, {
      token: staff.admin.token,
    })
    expect(deleted.status).toBe(200)
    expect(await shownIds(post)).toEqual([])
  })

  it('keeps serving from the cache while nothing readers see changes', async () => {
    const post = await createPost(t.payload)
    // Publishing the post invalidates once more a second later if anything was read meanwhile
    // (src/runtime/invalidateContent.ts): let that pass, so what follows starts settled.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await data.loadPostPage(post.slug)
    // A new pending comment changes nothing public: the cached thread stays.
    await createComment(t.payload, post, { status: 'pending' })
    const counter = countDatabaseCalls(t.payload)
    try {
      await data.loadPostPage(post.slug)
      expect(counter.calls()).toBe(0)
    } finally {
      counter.stop()
    }
  })

  it('shows an edit, a new post, and an archived post in the lists, feeds and sitemap', async () => {
    const post = await createPost(t.payload, { title: 'Before the edit' })
    const current = async () =>
      (await data.listPosts({ archived: false }, 1)).docs.map((p) => p.title)
    const archived = async () => (await data.listPosts({ archived: true }, 1)).docs.map((p) => p.id)
    expect(await current()).toContain('Before the edit')
    expect((await data.loadPostPage(post.slug))?.post.title).toBe('Before the edit')
    expect((await data.feedPosts('https://blog.example.gov')).map((p) => p.title)).toContain(
      'Before the edit',
    )

    await api.call('PATCH', `/posts/${post.id}`, {
      token: staff.editor.token,
      json: { title: 'After the edit' },
    })
    expect(await current()).toContain('After the edit')
    expect((await data.loadPostPage(post.slug))?.post.title).toBe('After the edit')
    expect((await data.feedPosts('https://blog.example.gov')).map((p) => p.title)).toContain(
      'After the edit',
    )

    const fresh = await createPost(t.payload, { title: 'Brand new post' })
    expect((await data.sitemapPosts()).map((p) => p.slug)).toContain(fresh.slug)
    expect(await current()).toContain('Brand new post')

    await api.call('PATCH', `/posts/${post.id}`, {
      token: staff.editor.token,
      json: { archived: true },
    })
    expect(await current()).not.toContain('After the edit')
    expect(await archived()).toContain(post.id)
    expect((await data.loadPostPage(post.slug))?.post.archived).toBe(true)
  })

  it('shows a settings change on the next read', async () => {
    expect((await data.getSiteSettings()).siteName).not.toBe('Renamed for the cache test')
    await api.call('POST', '/globals/site-settings', {
      token: staff.admin.token,
      json: { siteName: 'Renamed for the cache test' },
    })
    expect((await data.getSiteSettings()).siteName).toBe('Renamed for the cache test')
  })
})

describe('post page queries', () => {
  async function postWithThread(topLevel: number, repliesEach: number): Promise<Post> {
    const post = await createPost(t.payload)
    for (let i = 0; i < topLevel; i++) {
      const parent: Comment = await createComment(t.payload, post, { status: 'approved' })
      for (let j = 0; j < repliesEach; j++) {
        await createComment(t.payload, post, { status: 'approved', parent: parent.id })
      }
    }
    return post
  }

  async function queriesFor(post: Post): Promise<number> {
    contentCache().clear()
    const counter = countDatabaseCalls(t.payload)
    try {
      const loaded = await data.loadPostPage(post.slug)
      expect(loaded?.post.id).toBe(post.id)
      return counter.calls()
    } finally {
      counter.stop()
    }
  }

  it('makes the same small number of queries for 2 comments as for 80', async () => {
    const small = await postWithThread(1, 1)
    const large = await postWithThread(20, 3)
    expect((await data.loadPostPage(large.slug))?.discussion.comments).toHaveLength(80)

    const forSmall = await queriesFor(small)
    const forLarge = await queriesFor(large)
    expect(forLarge).toBe(forSmall)
    expect(forLarge).toBeLessThanOrEqual(8)
  })

  it('makes none while the cache holds the page', async () => {
    const post = await postWithThread(2, 2)
    // Each write looks again a second later at what was loaded meanwhile (applyInvalidation):
    // let the last one pass, or it may drop the page between the two reads (a slow PostgreSQL
    // run counted 2 calls).
    await new Promise((resolve) => setTimeout(resolve, RECHECK_AFTER_MS + 100))
    await data.loadPostPage(post.slug)
    const counter = countDatabaseCalls(t.payload)
    try {
      await data.loadPostPage(post.slug)
      expect(counter.calls()).toBe(0)
    } finally {
      counter.stop()
    }
  })
})
