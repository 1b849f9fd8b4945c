import type { Where } from 'payload'

import { approvedCounts } from '@/comments/queries/approvedCounts'
import { discussionNumbers } from '@/comments/queries/discussionNumbers'
import type { ThreadComment } from '@/comments/rules/buildThread'
import { cached } from '@/data/cached'
import { idOf, type Id } from '@/lib/idOf'
import type { Comment } from '@/payload-types'
import { CACHE_TAGS } from '@/runtime/cacheTags'

import { getPayloadClient } from './getPayloadClient'

/**
 * The most replies one page of threads shows. A page holds `commentsPerPage` threads (at most
 * 500); past this many replies in them, the threads begun last (highest id) lose theirs first,
 * rather than the page reading without bound.
 */
export const MAX_REPLIES_PER_PAGE = 2000

export type CommentPage = {
  /** The page's top-level comments and their approved replies, numbered in the discussion. */
  comments: ThreadComment[]
  /** Pages of top-level comments (at least 1). */
  totalPages: number
  /** Approved comments on the post, replies included. */
  approvedTotal: number
}

export const COMMENT_FIELDS = {
  parent: true,
  authorName: true,
  authorUrl: true,
  body: true,
  createdAt: true,
  agencyResponse: true,
} as const
const APPROVED: Where = { status: { equals: 'approved' } }

export function toThreadComment(
  doc: Pick<Comment, 'id' | keyof typeof COMMENT_FIELDS>,
): ThreadComment {
  return {
    id: doc.id,
    parent: idOf(doc.parent),
    authorName: doc.authorName,
    authorUrl: doc.authorUrl ?? null,
    body: doc.body,
    createdAt: doc.createdAt,
    agencyResponse: doc.agencyResponse ?? null,
  }
}

/**
 * One page of a post's discussion, read with readers' access rights and paged by the database:
 * the page's top-level comments (and their count), all their replies in one query by thread,
 * their numbers in the discussion, and the post's approved total. Five queries whatever the
 * number of comments, and none while the content cache holds the page.
 */
export const loadCommentPage = cached(
  'commentPage',
  (postId: Id, _page: number, _perPage: number) => [CACHE_TAGS.commentsOf(postId)],
  async (postId: Id, page: number, perPage: number): Promise<CommentPage> => {
    const payload = await getPayloadClient()
    const reader = { overrideAccess: false, user: null, depth: 0, select: COMMENT_FIELDS } as const
    const [top, total] = await Promise.all([
      payload.find({
        collection: 'comments',
        ...reader,
        where: { post: { equals: postId }, parent: { exists: false }, ...APPROVED },
        sort: ['createdAt', 'id'],
        limit: perPage,
        page,
      }),
      approvedCounts(payload, [postId]),
    ])
    // In thread order, which the thread index (thread, status, createdAt) gives as it is read; the
    // page sorts them by date (buildThread). Sorted by date here, SQLite may choose to walk every
    // approved comment in date order instead, to save a sort: it did at a million comments, with
    // statistics that make "approved" look rare (0.6-1 s against 1 ms).
    const replies = top.docs.length
      ? await payload.find({
          collection: 'comments',
          ...reader,
          where: { thread: { in: top.docs.map((doc) => doc.id) }, ...APPROVED },
          sort: ['thread', 'createdAt', 'id'],
          limit: MAX_REPLIES_PER_PAGE,
          pagination: false,
        })
      : { docs: [] }
    const comments = [...top.docs, ...replies.docs].map(toThreadComment)
    const numbers = await discussionNumbers(payload, postId, comments)
    return {
      comments: comments.map((comment) => ({
        ...comment,
        number: numbers.get(String(comment.id)),
      })),
      totalPages: Math.max(1, top.totalPages),
      approvedTotal: total.get(postId) ?? 0,
    }
  },
)
