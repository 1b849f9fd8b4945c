import type { Payload, PayloadRequest } from 'payload'

import { formatStaffDate } from '@/admin/formatStaffDate'
import type { QueueFilter } from '@/comments/queue/queueFilter'
import { queueWhere } from '@/comments/queue/queueWhere'
import { matchedWordOf, suspicionsOf } from '@/comments/queue/suspicion'
import type { Comment } from '@/payload-types'

import type { QueueComment } from './queueComment'

type Reader = { payload: Payload; user: PayloadRequest['user'] }

/** A parent's text under a reply: enough to know what it answers. */
const PARENT_EXCERPT = 300

/** Comments waiting for a moderator: the nav badge, on every admin page, so one query. */
export async function countPending({ payload, user }: Reader): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'comments',
    where: { status: { equals: 'pending' } },
    overrideAccess: false,
    user,
  })
  return totalDocs
}

function toQueueComment(doc: Comment): QueueComment {
  const post = typeof doc.post === 'object' ? doc.post : null
  const parent = doc.parent ?? null
  const spamVerdict = doc.spamCheck?.verdict ?? null
  const statusReason = doc.statusReason ?? null
  return {
    id: doc.id,
    status: doc.status,
    statusReason,
    authorName: doc.authorName,
    authorEmail: doc.authorEmail ?? null,
    authorUrl: doc.authorUrl ?? null,
    ip: doc.ip ?? null,
    body: doc.body,
    createdAt: doc.createdAt,
    createdAtLabel: formatStaffDate(doc.createdAt),
    spamVerdict,
    suspicions: suspicionsOf({ body: doc.body, statusReason, spamVerdict }),
    matchedWord: matchedWordOf(statusReason),
    post: post ? { id: post.id, title: post.title, slug: post.slug ?? null } : null,
    parent:
      parent === null
        ? null
        : typeof parent === 'object'
          ? {
              id: parent.id,
              authorName: parent.authorName ?? null,
              body: parent.body ? parent.body.slice(0, PARENT_EXCERPT) : null,
            }
          : { id: parent, authorName: null, body: null },
  }
}

/**
 * One page of the queue as a filter selects it, read with the signed-in user's access: one
 * query for the page (posts and parents populated with a few fields) and one count.
 */
export async function loadQueuePage(reader: Reader, filter: QueueFilter, page: number) {
  const result = await reader.payload.find({
    collection: 'comments',
    where: queueWhere(filter),
    sort: filter.sort === 'oldest' ? 'createdAt' : '-createdAt',
    limit: filter.pageSize,
    page,
    depth: 1,
    joins: false,
    populate: {
      posts: { title: true, slug: true },
      comments: { authorName: true, body: true },
    },
    overrideAccess: false,
    user: reader.user,
  })
  return {
    comments: result.docs.map(toQueueComment),
    totalDocs: result.totalDocs,
    totalPages: Math.max(1, result.totalPages),
  }
}
