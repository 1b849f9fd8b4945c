import type { Payload } from 'payload'

import type { Post } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'
import { RECHECK_AFTER_MS } from '@/runtime/sharedInvalidation'

import { countDatabaseCalls } from './countDatabaseCalls'
import { createComment, createPost } from './factories'
import { pause, waitUntil } from './sharedInstances'

/** Instance B is the one the site's cached readers (src/data) use; A is another instance. */
export type TwoInstances = { a: Payload; b: Payload }

export type SiteReaders = {
  loadPostPage: typeof import('@/data/postPage').loadPostPage
  listPosts: typeof import('@/data/posts').listPosts
}

export async function siteReaders(): Promise<SiteReaders> {
  return { ...(await import('@/data/postPage')), ...(await import('@/data/posts')) }
}

export const generationOf = (payload: Payload) => runtimeOf(payload).content.generation

/** B's approved comments on `post`, through its content cache. */
export async function shownOnB(readers: SiteReaders, post: Post) {
  return ((await readers.loadPostPage(post.slug))?.discussion.comments ?? []).map((c) => c.id)
}

/** Asserts that B answers a read of `post` from its cache (no query at all). */
export async function expectCachedOnB(b: Payload, readers: SiteReaders, post: Post) {
  const counter = countDatabaseCalls(b)
  try {
    await shownOnB(readers, post)
    expect(counter.calls()).toBe(0)
  } finally {
    counter.stop()
  }
}

/** A post with a pending comment, made on B, with B's own rechecks of those writes passed. */
export async function settledPostWithPendingComment(b: Payload) {
  const post = await createPost(b)
  const comment = await createComment(b, post, { status: 'pending' })
  await pause(RECHECK_AFTER_MS + 200)
  return { post, comment }
}

/**
 * The cases every shared bus must pass: B has cached what readers see; a change made through A
 * is visible in B's next read, once B has heard of it (a bounded wait); A applies its own change
 * once, not again when its own notice comes back.
 */
export function crossInstanceCases(instances: () => TwoInstances, readers: () => SiteReaders) {
  it("drops B's cached thread when a moderator approves the comment on A", async () => {
    const { a, b } = instances()
    const { post, comment } = await settledPostWithPendingComment(b)
    expect(await shownOnB(readers(), post)).toEqual([])
    await expectCachedOnB(b, readers(), post)

    const [beforeA, beforeB] = [generationOf(a), generationOf(b)]
    await a.update({ collection: 'comments', id: comment.id, data: { status: 'approved' } })
    await waitUntil('B hears of the approval', () => generationOf(b) > beforeB)
    expect(await shownOnB(readers(), post)).toEqual([comment.id])
    expect(generationOf(a)).toBe(beforeA + 1)
  })

  it("shows a post published on A in B's lists", async () => {
    const { a, b } = instances()
    const draft = await createPost(a, { _status: 'draft' })
    await pause(RECHECK_AFTER_MS + 200)
    const titles = async () => (await readers().listPosts({}, 1)).docs.map((p) => p.title)
    expect(await titles()).not.toContain(draft.title)

    const before = generationOf(b)
    await a.update({ collection: 'posts', id: draft.id, data: { _status: 'published' } })
    await waitUntil('B hears of the publication', () => generationOf(b) > before)
    expect(await titles()).toContain(draft.title)
  })
}
