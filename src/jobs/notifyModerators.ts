import type { PayloadRequest, TaskConfig } from 'payload'

import type { Comment, Post } from '@/payload-types'
import { formatDateTime } from '@/lib/formatDate'
import { agencyTimeZone } from '@/lib/timeZone'
import { HELD_COMMENTS, recipientsNow } from '@/notifications/staffNotices'
import { runtimeOf } from '@/runtime/runtime'

export const NOTIFICATIONS_QUEUE = 'notifications'

/** Queues the moderators' email about a held comment, in the transaction of `req`. */
export async function queueModeratorEmail(req: PayloadRequest, commentId: number | string) {
  await req.payload.jobs.queue({
    task: 'notifyModerators',
    queue: NOTIFICATIONS_QUEUE,
    input: { comment: String(commentId) },
    req,
  })
}

/** The moderation queue opened on one comment: absolute, for emails. */
export function heldCommentUrl(serverUrl: string, commentId: number | string): string {
  const params = new URLSearchParams({ status: 'pending', comment: String(commentId) })
  return `${serverUrl}/admin/moderation?${params}`
}

/** The message moderators receive for a comment held in Pending. */
export function moderationEmail(
  comment: Comment,
  post: Pick<Post, 'title' | 'slug'>,
  { siteName, serverUrl, timeZone }: { siteName: string; serverUrl: string; timeZone: string },
) {
  const lines = [
    `A comment on "${post.title}" is waiting for moderation.`,
    '',
    `Comment #${comment.id}, received ${formatDateTime(comment.createdAt, timeZone)}`,
    `Author: ${comment.authorName}`,
    `Email: ${comment.authorEmail}`,
    `Website: ${comment.authorUrl || '(none)'}`,
    `IP address: ${comment.ip || '(unknown)'}`,
    `Why it is held: ${comment.statusReason || '(no reason recorded)'}`,
    '',
    comment.body,
    '',
    `Moderate it: ${heldCommentUrl(serverUrl, comment.id)}`,
    `The post: ${serverUrl}/posts/${post.slug}`,
  ]
  return {
    subject: `[${siteName}] Comment awaiting moderation: "${post.title}"`,
    text: lines.join('\n'),
  }
}

/**
 * Emails the staff who asked to hear at once (src/notifications/staffNotices.ts) about one
 * comment held in Pending. Queued in the same transaction that stores the comment, run from the
 * notifications queue within seconds, retried when the mail server fails: the comment itself
 * never depends on the mail server.
 */
export const notifyModeratorsTask: TaskConfig<{
  input: { comment: string }
  output: { sentTo: number; skipped: string }
}> = {
  slug: 'notifyModerators',
  label: 'Email moderators about a held comment',
  inputSchema: [{ name: 'comment', type: 'text', required: true }],
  outputSchema: [
    { name: 'sentTo', type: 'number' },
    { name: 'skipped', type: 'text' },
  ],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async ({ input, req }) => {
    const { payload } = req
    const comment = await payload.findByID({
      collection: 'comments',
      id: input.comment,
      depth: 1,
      req,
      disableErrors: true,
    })
    if (!comment) return { output: { sentTo: 0, skipped: 'the comment no longer exists' } }
    if (comment.status !== 'pending') {
      return { output: { sentTo: 0, skipped: `the comment is now ${comment.status}` } }
    }
    const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, req })
    if (!settings.notifyModerators) {
      return { output: { sentTo: 0, skipped: 'notifications are turned off in site settings' } }
    }
    const to = await recipientsNow(req, HELD_COMMENTS)
    if (to.length === 0) {
      return { output: { sentTo: 0, skipped: 'nobody asked for immediate emails' } }
    }
    const post = comment.post as Post
    const message = moderationEmail(comment, post, {
      siteName: settings.siteName,
      serverUrl: runtimeOf(payload).config.serverUrl,
      timeZone: agencyTimeZone(settings),
    })
    await payload.sendEmail({ to, ...message })
    return { output: { sentTo: to.length, skipped: '' } }
  },
}
