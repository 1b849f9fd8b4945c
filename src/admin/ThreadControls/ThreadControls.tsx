import type { ServerProps } from 'payload'

import { formatStaffDate } from '@/admin/formatStaffDate'
import { loadAgencyTimeZone } from '@/data/loadAgencyTimeZone'
import { mayChangeThreads } from '@/admin/staffAbilities'
import type { User } from '@/payload-types'

import { ThreadControlsClient, type ThreadState } from './ThreadControlsClient'

function closedByLabel(closedBy: unknown, viewer: ServerProps['user']): string | null {
  if (closedBy == null) return null
  if (typeof closedBy === 'object') {
    const { name, email } = closedBy as Partial<User>
    return name && email ? `${name} (${email})` : (email ?? name ?? null)
  }
  // The account may not be readable by this viewer (staff accounts are private to admins).
  if (viewer && String(viewer.id) === String(closedBy)) return `${viewer.name} (${viewer.email})`
  return `staff account #${closedBy}`
}

/**
 * The post edit view's "Close comments" / "Open comments" control, for admins, editors and
 * moderators. Reads the post's discussion fields with the viewer's access.
 */
export async function ThreadControls({ id, payload, user }: ServerProps) {
  if (id == null || !payload || !mayChangeThreads(user)) return null
  const post = await payload
    .findByID({
      collection: 'posts',
      id,
      depth: 1,
      select: {
        archived: true,
        commentStatus: true,
        commentsClosedAt: true,
        commentsClosedBy: true,
        commentsClosedReason: true,
      },
      populate: { users: { name: true, email: true } },
      overrideAccess: false,
      user,
      disableErrors: true,
    })
    .catch(() => null)
  if (!post) return null
  const timeZone = await loadAgencyTimeZone(payload)
  const initial: ThreadState = {
    status: post.commentStatus,
    archived: Boolean(post.archived),
    closedAtLabel: formatStaffDate(post.commentsClosedAt, timeZone),
    closedBy: closedByLabel(post.commentsClosedBy, user),
    reason: post.commentsClosedReason ?? null,
  }
  return (
    <ThreadControlsClient
      apiRoute={payload.config.routes.api}
      postId={post.id}
      initial={initial}
      timeZone={timeZone}
    />
  )
}
