import type { Payload, PayloadRequest, Where } from 'payload'

import { formatStaffDate } from '@/admin/formatStaffDate'
import { loadAgencyTimeZone } from '@/data/loadAgencyTimeZone'
import type { Comment } from '@/payload-types'

import type { QueueTab } from './queueActions'
import type { QueueComment } from './queueComment'

export const QUEUE_PAGE_SIZE = 20

type Reader = { payload: Payload; user: PayloadRequest['user'] }

const statusWhere = (tab: QueueTab): Where => (tab === 'all' ? {} : { status: { equals: tab } })

/** Akismet's blatant spam (pro-tip "discard") is kept but out of the default Spam tab. */
export const BLATANT: Where = { 'spamCheck.discard': { equals: true } }
const NOT_BLATANT: Where = {
  or: [{ 'spamCheck.discard': { equals: false } }, { 'spamCheck.discard': { exists: false } }],
}

function queueWhere(tab: QueueTab, blatant: boolean): Where {
  if (tab !== 'spam') return statusWhere(tab)
  return { and: [statusWhere(tab), blatant ? BLATANT : NOT_BLATANT] }
}

/** Comments waiting for a moderator: the nav badge, on every admin page, so one query. */
export async function countPending({ payload, user }: Reader): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'comments',
    where: statusWhere('pending'),
    overrideAccess: false,
    user,
  })
  return totalDocs
}

function toQueueComment(doc: Comment, timeZone: string): QueueComment {
  const post = typeof doc.post === 'object' ? doc.post : null
  const parent = doc.parent ?? null
  return {
    id: doc.id,
    status: doc.status,
    statusReason: doc.statusReason ?? null,
    authorName: doc.authorName,
    authorEmail: doc.authorEmail ?? null,
    authorUrl: doc.authorUrl ?? null,
    ip: doc.ip ?? null,
    body: doc.body,
    createdAt: doc.createdAt,
    createdAtLabel: formatStaffDate(doc.createdAt, timeZone),
    spamVerdict: doc.spamCheck?.verdict ?? null,
    post: post ? { id: post.id, title: post.title, slug: post.slug ?? null } : null,
    parent:
      parent === null
        ? null
        : typeof parent === 'object'
          ? { id: parent.id, authorName: parent.authorName ?? null }
          : { id: parent, authorName: null },
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
 * One page of a moderation tab, newest first, read with the signed-in user's access; narrowed to
 * one comment when `commentId` is given (the link in a staff email).
 */
export async function loadQueuePage(
  reader: Reader,
  tab: QueueTab,
  page: number,
  blatant = false,
  commentId: string | null = null,
) {
  const tabWhere = queueWhere(tab, blatant)
  const timeZone = await loadAgencyTimeZone(reader.payload)
  const result = await reader.payload.find({
    collection: 'comments',
    where: commentId ? { and: [tabWhere, { id: { equals: commentId } }] } : tabWhere,
    sort: '-createdAt',
    limit: QUEUE_PAGE_SIZE,
    page,
    depth: 1,
    joins: false,
    populate: { posts: { title: true, slug: true }, comments: { authorName: true } },
    overrideAccess: false,
    user: reader.user,
  })
  return {
    comments: result.docs.map((doc) => toQueueComment(doc, timeZone)),
    totalDocs: result.totalDocs,
    totalPages: Math.max(1, result.totalPages),
  }
}
