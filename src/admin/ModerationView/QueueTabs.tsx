import type { CommentCounts } from '@/comments/queries/countComments'
import type { QueueFilter } from '@/comments/queue/queueFilter'

import { QUEUE_TABS } from './queueActions'
import { queueHref } from './queueLinks'

type Props = { adminRoute: string; counts: CommentCounts; filter: QueueFilter }

/**
 * The status tabs, as links that keep the search and post filter (the counts are of each
 * status, one grouped query): the current one is marked for assistive technology too.
 */
export function QueueTabs({ adminRoute, counts, filter }: Props) {
  return (
    <nav aria-label="Comment status" className="moderation__tabs">
      <ul>
        {QUEUE_TABS.map(({ value, label }) => (
          <li key={value}>
            <a
              href={queueHref(adminRoute, { ...filter, status: value, blatant: false })}
              aria-current={value === filter.status ? 'page' : undefined}
              className={value === filter.status ? 'moderation__tab is-current' : 'moderation__tab'}
            >
              {label} <span className="moderation__tab-count">({counts[value]})</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
