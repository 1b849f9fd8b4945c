import type { QueueFilter } from '@/comments/queue/queueFilter'

import { queueHref } from './queueLinks'

type Props = { adminRoute: string; filter: QueueFilter; page: number; totalPages: number }

/** Previous and next page links, keeping the filter; nothing when everything fits on one page. */
export function QueuePager({ adminRoute, filter, page, totalPages }: Props) {
  if (totalPages <= 1 && page === 1) return null
  return (
    <nav aria-label="Comment pages" className="moderation__pager">
      {page > 1 ? (
        <a href={queueHref(adminRoute, filter, Math.min(page - 1, totalPages))} rel="prev">
          Previous page
        </a>
      ) : null}
      <span>
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <a href={queueHref(adminRoute, filter, page + 1)} rel="next">
          Next page
        </a>
      ) : null}
    </nav>
  )
}
