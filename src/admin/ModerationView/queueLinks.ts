import type { QueueTab } from './queueActions'

/** The moderation view's own URL for a tab and page: tabs and pages are real links. */
export function queueHref(adminRoute: string, tab: QueueTab, page = 1): string {
  const params = new URLSearchParams({ status: tab })
  if (page > 1) params.set('page', String(page))
  return `${adminRoute}/moderation?${params}`
}
