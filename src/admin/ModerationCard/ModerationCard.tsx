import type { ServerProps } from 'payload'

import { formatStaffDate } from '@/admin/formatStaffDate'
import { mayModerate } from '@/admin/staffAbilities'
import { countComments } from '@/comments/queries/countComments'
import { COMMENT_STATUSES, type CommentStatus } from '@/comments/rules/statuses'
import { loadAgencyTimeZone } from '@/data/loadAgencyTimeZone'

import { describeAge } from './describeAge'
import './moderationCard.css'

const STATUS_LABELS: Record<CommentStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  spam: 'Spam',
  trash: 'Trash',
}

/**
 * The dashboard's moderation card, for admins and moderators: comments per status (one grouped
 * count), how long the oldest pending comment has waited (one indexed read of one row), and the
 * way to the queue.
 */
export async function ModerationCard({ payload, user }: Pick<ServerProps, 'payload' | 'user'>) {
  if (!payload || !mayModerate(user)) return null
  const [counts, oldest, timeZone] = await Promise.all([
    countComments(payload, user ?? null),
    payload.find({
      collection: 'comments',
      where: { status: { equals: 'pending' } },
      sort: 'createdAt',
      limit: 1,
      pagination: false,
      depth: 0,
      select: { createdAt: true },
      overrideAccess: false,
      user,
    }),
    loadAgencyTimeZone(payload),
  ])
  const queue = `${payload.config.routes.admin}/moderation`
  const oldestAt = oldest.docs[0]?.createdAt ?? null
  return (
    <section className="moderation-card" aria-labelledby="moderation-card-heading">
      <h2 id="moderation-card-heading" className="moderation-card__heading">
        Comments
      </h2>
      <ul className="moderation-card__counts">
        {COMMENT_STATUSES.map((status) => (
          <li key={status} className={`moderation-card__count moderation-card__count--${status}`}>
            <a href={`${queue}?status=${status}`}>
              <span className="moderation-card__number">
                {counts[status].toLocaleString('en-US')}
              </span>{' '}
              <span className="moderation-card__label">{STATUS_LABELS[status]}</span>
            </a>
          </li>
        ))}
      </ul>
      <p className="moderation-card__oldest">
        {oldestAt ? (
          <>
            The oldest pending comment has waited {describeAge(oldestAt)} (since{' '}
            <time dateTime={oldestAt}>{formatStaffDate(oldestAt, timeZone)}</time>).
          </>
        ) : (
          'No comment is waiting for moderation.'
        )}
      </p>
      <p className="moderation-card__link">
        <a href={`${queue}?status=pending`}>Open the moderation queue</a>
      </p>
    </section>
  )
}
