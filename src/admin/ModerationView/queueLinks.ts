import { queueParams, type QueueFilter } from '@/comments/queue/queueFilter'

/** The moderation view's own URL for a filter and page: tabs, filters and pages are real links. */
export function queueHref(adminRoute: string, filter: Partial<QueueFilter>, page = 1): string {
  const params = queueParams(filter)
  if (page > 1) params.set('page', String(page))
  return `${adminRoute}/moderation?${params}`
}
