import type { Where } from 'payload'

import type { ModerationAction } from '@/comments/rules/moderationActions'
import type { CommentStatus } from '@/comments/rules/statuses'

import type { QueueFilter } from './queueFilter'

/** Akismet's blatant spam (pro-tip "discard") is kept but out of the default Spam tab. */
export const BLATANT: Where = { 'spamCheck.discard': { equals: true } }
const NOT_BLATANT: Where = {
  or: [{ 'spamCheck.discard': { equals: false } }, { 'spamCheck.discard': { exists: false } }],
}

/** The fields a moderator's search looks in (case-insensitive, anywhere in the value). */
export const SEARCHED_FIELDS = ['body', 'authorName', 'authorEmail', 'authorUrl', 'ip'] as const

/**
 * The comments a filter selects, as one database query: status (and blatant spam), search,
 * post, and for a bulk action the moment the moderator confirmed it.
 */
export function queueWhere(filter: QueueFilter): Where {
  const and: Where[] = []
  if (filter.status !== 'all') and.push({ status: { equals: filter.status } })
  if (filter.status === 'spam') and.push(filter.blatant ? BLATANT : NOT_BLATANT)
  if (filter.q) {
    and.push({ or: SEARCHED_FIELDS.map((field) => ({ [field]: { contains: filter.q } })) })
  }
  if (filter.post) and.push({ post: { equals: filter.post } })
  if (filter.before) and.push({ createdAt: { less_than_equal: filter.before } })
  return and.length ? { and } : {}
}

/** The statuses a comment must have for the action to change it (the others are left alone). */
const CHANGED_BY: Record<ModerationAction, CommentStatus[]> = {
  approve: ['pending', 'spam', 'trash'],
  unapprove: ['approved'],
  spam: ['pending', 'approved', 'trash'],
  'not-spam': ['spam'],
  trash: ['pending', 'approved', 'spam'],
  restore: ['trash'],
}

/**
 * The comments of a filter that an action would change. Each change takes a comment out of this
 * set, so a bulk action run batch by batch always moves forward and ends.
 */
export function actionableWhere(filter: QueueFilter, action: ModerationAction): Where {
  return { and: [queueWhere(filter), { status: { in: CHANGED_BY[action] } }] }
}
