import type { CommentCounts } from '@/comments/queries/countComments'

import { QUEUE_TABS, type QueueTab } from './queueActions'
import { queueHref } from './queueLinks'

type Props = { adminRoute: string; counts: CommentCounts; current: QueueTab }

/** The status tabs, as links: the current one is marked for assistive technology too. */
export function QueueTabs({ adminRoute, counts, current }: Props) {
  return (
    <nav aria-label="Comment status" className="moderation__tabs">
      <ul>
        {QUEUE_TABS.map(({ value, label }) => (
          <li key={value}>
            <a
              href={queueHref(adminRoute, value)}
              aria-current={value === current ? 'page' : undefined}
              className={value === current ? 'moderation__tab is-current' : 'moderation__tab'}
            >
              {label} <span className="moderation__tab-count">({counts[value]})</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
