import { cached } from '@/data/cached'
import { idOf } from '@/lib/idOf'
import { CACHE_TAGS } from '@/runtime/cacheTags'

import { getPayloadClient } from './getPayloadClient'
import { findPublishedPost } from './posts'
import { getSiteSettings } from './siteSettings'

/** An id as the databases write them: digits (SQL) or an ObjectId (MongoDB). */
const ID = /^(?:\d{1,18}|[0-9a-f]{24})$/i

const reader = { overrideAccess: false, user: null, depth: 0, disableErrors: true } as const

/**
 * Where an approved comment of a published post is shown: its post's page of threads that holds
 * its thread, with the comment's anchor; null for anything readers cannot see there. The page is
 * the count of top-level comments before its thread's, in one query.
 */
export const commentLocation = cached(
  'commentLocation',
  () => [CACHE_TAGS.posts, CACHE_TAGS.comments, CACHE_TAGS.settings],
  async (slug: string, id: string): Promise<string | null> => {
    if (!ID.test(id)) return null
    const post = await findPublishedPost(slug)
    if (!post) return null
    const payload = await getPayloadClient()
    const select = { post: true, thread: true, createdAt: true } as const
    const comment = await payload.findByID({ collection: 'comments', id, select, ...reader })
    if (!comment || idOf(comment.post) !== post.id) return null
    const rootId = idOf(comment.thread)
    const root =
      rootId === null
        ? comment
        : await payload.findByID({ collection: 'comments', id: rootId, select, ...reader })
    // A reply whose thread readers cannot see is not shown on any page.
    if (!root) return null
    const [settings, before] = await Promise.all([
      getSiteSettings(),
      payload.count({
        collection: 'comments',
        overrideAccess: false,
        where: {
          post: { equals: post.id },
          parent: { exists: false },
          status: { equals: 'approved' },
          or: [
            { createdAt: { less_than: root.createdAt } },
            { and: [{ createdAt: { equals: root.createdAt } }, { id: { less_than: root.id } }] },
          ],
        },
      }),
    ])
    const page = Math.floor(before.totalDocs / settings.commentsPerPage) + 1
    return `/posts/${post.slug}${page > 1 ? `?comments=${page}` : ''}#comment-${comment.id}`
  },
)
