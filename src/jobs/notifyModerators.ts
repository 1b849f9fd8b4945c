import type { PayloadRequest, TaskConfig } from 'payload'

import type { Comment, Post } from '@/payload-types'
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

/** The message moderators receive for a comment held in Pending. */
export function moderationEmail(
  comment: Comment,
  post: Pick<Post, 'title' | 'slug'>,
  { siteName, serverUrl }: { siteName: string; serverUrl: string },
) {
  const lines = [
    `A comment on "${post.title}" is waiting for moderation.`,
    '',
    `Author: ${comment.authorName}`,
    `Email: ${comment.authorEmail}`,
    `Website: ${comment.authorUrl || '(none)'}`,
    `IP address: ${comment.ip || '(unknown)'}`,
    `Why it is held: ${comment.statusReason || '(no reason recorded)'}`,
    '',
    comment.body,
    '',
    `Moderate it: ${serverUrl}/admin/moderation?status=pending`,
    `The post: ${serverUrl}/posts/${post.slug}`,
  ]
  return {
    subject: `[${siteName}] Comment awaiting moderation: "${post.title}"`,
    text: lines.join('\n'),
  }
}

async function moderatorEmails(req: PayloadRequest): Promise<string[]> {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { role: { in: ['admin', 'moderator'] } },
    // Staff are a handful; the limit only keeps the read bounded.
    limit: 1000,
    pagination: false,
    depth: 0,
    select: { email: true },
    req,
  })
  return docs.map((user) => user.email)
}

/**
 * Emails the moderators about one comment held in Pending. Queued in the same transaction that
 * stores the comment, run from the notifications queue within seconds, retried when the mail
 * server fails: the comment itself never depends on the mail server.
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
    const to = await moderatorEmails(req)
    if (to.length === 0) return { output: { sentTo: 0, skipped: 'no moderators' } }
    const post = comment.post as Post
    const message = moderationEmail(comment, post, {
      siteName: settings.siteName,
      serverUrl: runtimeOf(payload).config.serverUrl,
    })
    await payload.sendEmail({ to, ...message })
    return { output: { sentTo: to.length, skipped: '' } }
  },
}
