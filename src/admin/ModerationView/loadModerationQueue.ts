import type { Payload, PayloadRequest, Where } from 'payload'

import { formatStaffDate } from '@/admin/formatStaffDate'
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

function toQueueComment(doc: Comment): QueueComment {
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
    createdAtLabel: formatStaffDate(doc.createdAt),
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

/** One page of a moderation tab, newest first, read with the signed-in user's access. */
export async function loadQueuePage(reader: Reader, tab: QueueTab, page: number, blatant = false) {
  const result = await reader.payload.find({
    collection: 'comments',
    where: queueWhere(tab, blatant),
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
    comments: result.docs.map(toQueueComment),
    totalDocs: result.totalDocs,
    totalPages: Math.max(1, result.totalPages),
  }
}
