import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import type { Comment, Post } from '@/payload-types'

import { idOf } from '@/lib/idOf'

import { CACHE_TAGS } from './cacheTags'
import { invalidateEverywhere } from './sharedInvalidation'

/**
 * Hooks run inside the write's transaction: this instance, the others and the shared caches in
 * front drop the tags now, and check again a moment later (src/runtime/sharedInvalidation.ts).
 * Each hook waits (briefly, bounded) until the others were told, so the write answers only then.
 */
const invalidate = async (req: PayloadRequest, tags: string[]) => {
  // A WordPress import writes thousands of documents: it invalidates everything once, when it
  // ends (src/import/wxr/importWxr.ts), rather than a notice and a purge for each.
  if (req.context.importRun) return
  await invalidateEverywhere(req.payload, tags)
}

const postTouchesPublic = (doc?: Partial<Post> | null) => doc?._status === 'published'

/** A post published, edited while published, archived, unpublished or deleted. */
export const invalidatePosts: CollectionAfterChangeHook<Post> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (postTouchesPublic(doc) || postTouchesPublic(previousDoc))
    await invalidate(req, [CACHE_TAGS.posts])
  return doc
}

export const invalidateDeletedPost: CollectionAfterDeleteHook<Post> = async ({ doc, req }) => {
  await invalidate(req, [CACHE_TAGS.posts, CACHE_TAGS.commentsOf(doc.id)])
  return doc
}

const postIdOf = (comment: Comment) => String(idOf(comment.post))

/** Only changes to the set of approved comments change what readers see. */
export const invalidateComments: CollectionAfterChangeHook<Comment> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (doc.status === 'approved' || previousDoc?.status === 'approved') {
    await invalidate(req, [CACHE_TAGS.comments, CACHE_TAGS.commentsOf(postIdOf(doc))])
  }
  return doc
}

export const invalidateDeletedComment: CollectionAfterDeleteHook<Comment> = async ({
  doc,
  req,
}) => {
  if (doc.status === 'approved') {
    await invalidate(req, [CACHE_TAGS.comments, CACHE_TAGS.commentsOf(postIdOf(doc))])
  }
  return doc
}

/** Authors, categories and media appear inside posts (bylines, filed-under, images). */
export function invalidateWithPosts(tag: string): {
  afterChange: CollectionAfterChangeHook
  afterDelete: CollectionAfterDeleteHook
} {
  return {
    afterChange: async ({ doc, req }) => {
      await invalidate(req, [tag, CACHE_TAGS.posts])
      return doc
    },
    afterDelete: async ({ doc, req }) => {
      await invalidate(req, [tag, CACHE_TAGS.posts])
      return doc
    },
  }
}

/**
 * A redirect made, changed or deleted: the lookups of unknown paths (src/data/redirects.ts). The
 * pages built on posts are untouched, but the generation moves on with any invalidation.
 */
export const invalidateRedirects: CollectionAfterChangeHook = async ({ doc, req }) => {
  await invalidate(req, [CACHE_TAGS.redirects])
  return doc
}

export const invalidateDeletedRedirect: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await invalidate(req, [CACHE_TAGS.redirects])
  return doc
}

export const invalidateSettings: GlobalAfterChangeHook = async ({ doc, req }) => {
  await invalidate(req, [CACHE_TAGS.settings])
  return doc
}
