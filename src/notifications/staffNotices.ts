import type { PayloadRequest, Where } from 'payload'

import type { Role } from '@/access/roles'
import type { User } from '@/payload-types'

/** How a staff member hears about work waiting for them (their account's choice). */
export const NOTICE_FREQUENCIES = ['immediate', 'hourly', 'daily', 'none'] as const
export type NoticeFrequency = (typeof NOTICE_FREQUENCIES)[number]
export type DigestFrequency = Extract<NoticeFrequency, 'hourly' | 'daily'>

export const NOTICE_FREQUENCY_LABELS: Record<NoticeFrequency, string> = {
  immediate: 'An email for each one, at once',
  hourly: 'One digest email an hour',
  daily: 'One digest email a day',
  none: 'No email',
}

/**
 * A kind of waiting work: who may be told about it (those who can act on it: a held comment's
 * email and IP address are for moderators' eyes only) and who is told when they have not chosen.
 * One choice per staff member covers every topic of their role; a digest has a section per topic.
 */
export type NoticeTopic = {
  audience: readonly Role[]
  /** Roles told at once when their choice is empty; the rest of the audience hears nothing. */
  immediateByDefault: readonly Role[]
}

export const HELD_COMMENTS: NoticeTopic = {
  audience: ['admin', 'moderator'],
  immediateByDefault: ['admin', 'moderator'],
}

/** Drafts an author submitted for review: for those who may publish them. */
export const DRAFTS_FOR_REVIEW: NoticeTopic = {
  audience: ['admin', 'editor'],
  immediateByDefault: ['admin', 'editor'],
}

/** Every topic, in the order of a digest's sections. */
export const NOTICE_TOPICS = [HELD_COMMENTS, DRAFTS_FOR_REVIEW] as const

/** Staff are a handful; the limit only keeps every read bounded. */
const MAX_STAFF = 1000

type StaffChoice = Pick<User, 'role' | 'notificationFrequency'>

/** A staff member's choice, or their role's default when they have not made one. */
export function noticeFrequencyOf(user: StaffChoice, topic: NoticeTopic): NoticeFrequency {
  if (!topic.audience.includes(user.role)) return 'none'
  if (user.notificationFrequency) return user.notificationFrequency
  return topic.immediateByDefault.includes(user.role) ? 'immediate' : 'none'
}

/** The database filter for the topic's audience whose choice (or default) is `frequency`. */
export function frequencyWhere(topic: NoticeTopic, frequency: NoticeFrequency): Where {
  const chosen: Where = { notificationFrequency: { equals: frequency } }
  const defaults = frequency === 'immediate' ? topic.immediateByDefault : []
  const byDefault: Where[] = defaults.length
    ? [
        {
          and: [{ notificationFrequency: { exists: false } }, { role: { in: [...defaults] } }],
        },
      ]
    : []
  return { and: [{ role: { in: [...topic.audience] } }, { or: [chosen, ...byDefault] }] }
}

/** The addresses to email at once about something new in `topic`. */
export async function recipientsNow(req: PayloadRequest, topic: NoticeTopic): Promise<string[]> {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: frequencyWhere(topic, 'immediate'),
    limit: MAX_STAFF,
    pagination: false,
    depth: 0,
    select: { email: true },
    req,
  })
  return docs.map((user) => user.email)
}

export type DigestSubscriber = Pick<User, 'id' | 'email' | 'role' | 'lastDigestAt'>

/**
 * The staff who get a digest at `frequency` of any of `topics`, with their role (which sections
 * they get) and the time of their last digest: one digest per person, whatever their topics.
 */
export async function digestSubscribers(
  req: PayloadRequest,
  topics: readonly NoticeTopic[],
  frequency: DigestFrequency,
): Promise<DigestSubscriber[]> {
  const { docs } = await req.payload.find({
    collection: 'users',
    // A digest is never a default, so the audience and the choice are the whole filter.
    where: { or: topics.map((topic) => frequencyWhere(topic, frequency)) },
    limit: MAX_STAFF,
    pagination: false,
    depth: 0,
    select: { email: true, role: true, lastDigestAt: true },
    req,
  })
  return docs.map(({ id, email, role, lastDigestAt }) => ({ id, email, role, lastDigestAt }))
}
