import type { Payload, PayloadRequest } from 'payload'

import { formatStaffDate } from '@/admin/formatStaffDate'
import type { QueueFilter } from '@/comments/queue/queueFilter'
import { queueWhere } from '@/comments/queue/queueWhere'
import { matchedWordOf, suspicionsOf } from '@/comments/queue/suspicion'
import { loadAgencyTimeZone } from '@/data/loadAgencyTimeZone'
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

function toQueueComment(doc: Comment, timeZone: string): QueueComment {
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
    createdAtLabel: formatStaffDate(doc.createdAt, timeZone),
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
 * A comment id from the address (`comment=<id>`, as staff emails link), or null when it is not
 * an id of this database (a number in SQL, an ObjectId in MongoDB): never a query error.
 */
export function commentIdParam(payload: Payload, value: unknown): string | null {
  if (typeof value !== 'string') return null
  const shape = payload.db.defaultIDType === 'number' ? /^[1-9][0-9]{0,14}$/ : /^[0-9a-f]{24}$/i
  return shape.test(value) ? value : null
}

/**
 * One page of the queue as a filter selects it, read with the signed-in user's access: one
 * query for the page (posts and parents populated with a few fields) and one count; narrowed to
 * one comment when `commentId` is given (the link in a staff email).
 */
export async function loadQueuePage(
  reader: Reader,
  filter: QueueFilter,
  page: number,
  commentId: string | null = null,
) {
  const where = queueWhere(filter)
  const timeZone = await loadAgencyTimeZone(reader.payload)
  const result = await reader.payload.find({
    collection: 'comments',
    where: commentId ? { and: [where, { id: { equals: commentId } }] } : where,
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
    comments: result.docs.map((doc) => toQueueComment(doc, timeZone)),
    totalDocs: result.totalDocs,
    totalPages: Math.max(1, result.totalPages),
  }
}
