import type { Post, SiteSetting } from '@/payload-types'

export type ThreadPost = Pick<Post, 'archived' | 'commentStatus' | 'publishedAt'>
export type AutoCloseSettings = Pick<SiteSetting, 'autoCloseThreads' | 'autoCloseDays'>

export type ThreadClosure = { reason: 'closed' | 'archived' | 'auto-closed'; since: string | null }

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Why a post's thread is closed, or null when it is open. Auto-closing is computed from the
 * publication date, so changing the setting takes effect at once on every post.
 */
export function threadClosure(
  post: ThreadPost & { archivedAt?: string | null; commentsClosedAt?: string | null },
  settings: AutoCloseSettings,
  now: Date = new Date(),
): ThreadClosure | null {
  if (post.archived) return { reason: 'archived', since: post.archivedAt ?? null }
  if (post.commentStatus === 'closed') {
    return { reason: 'closed', since: post.commentsClosedAt ?? null }
  }
  if (settings.autoCloseThreads && post.publishedAt) {
    const closesAt = new Date(post.publishedAt).getTime() + (settings.autoCloseDays ?? 14) * DAY_MS
    if (now.getTime() >= closesAt) {
      return { reason: 'auto-closed', since: new Date(closesAt).toISOString() }
    }
  }
  return null
}
