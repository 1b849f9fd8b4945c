import type { PayloadRequest, TaskConfig } from 'payload'

import { DRAFTS_FOR_REVIEW, recipientsNow } from '@/notifications/staffNotices'
import type { Post } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'

import { NOTIFICATIONS_QUEUE } from './notifyModerators'

/** Queues the editors' email about a draft submitted for review, in the transaction of `req`. */
export async function queueReviewEmail(req: PayloadRequest, postId: number | string) {
  await req.payload.jobs.queue({
    task: 'notifyEditors',
    queue: NOTIFICATIONS_QUEUE,
    input: { post: String(postId) },
    req,
  })
}

/** Where an editor reviews and publishes a draft (absolute). */
export function reviewPostUrl(serverUrl: string, postId: number | string): string {
  return `${serverUrl}/admin/collections/posts/${postId}`
}

/** The posts list filtered to every draft waiting for review (absolute). */
export function waitingDraftsUrl(serverUrl: string): string {
  return `${serverUrl}/admin/collections/posts?where[reviewStatus][equals]=submitted`
}

/** The message editors receive for a draft waiting for review. */
export function reviewEmail(
  post: Pick<Post, 'id' | 'title'>,
  submittedBy: string,
  { siteName, serverUrl }: { siteName: string; serverUrl: string },
) {
  const lines = [
    `${submittedBy} submitted "${post.title}" for review.`,
    '',
    `Review and publish it: ${reviewPostUrl(serverUrl, post.id)}`,
    `Every draft waiting for review: ${waitingDraftsUrl(serverUrl)}`,
  ]
  return {
    subject: `[${siteName}] Draft waiting for review: "${post.title}"`,
    text: lines.join('\n'),
  }
}

/**
 * Emails the editors about one draft submitted for review. Queued in the transaction that records
 * the submission, run from the notifications queue within seconds, retried when the mail server
 * fails. Skipped when the draft no longer waits (published, or deleted) by the time it runs.
 */
export const notifyEditorsTask: TaskConfig<{
  input: { post: string }
  output: { sentTo: number; skipped: string }
}> = {
  slug: 'notifyEditors',
  label: 'Email editors about a draft submitted for review',
  inputSchema: [{ name: 'post', type: 'text', required: true }],
  outputSchema: [
    { name: 'sentTo', type: 'number' },
    { name: 'skipped', type: 'text' },
  ],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async ({ input, req }) => {
    const { payload } = req
    const post = await payload.findByID({
      collection: 'posts',
      id: input.post,
      depth: 1,
      draft: true,
      req,
      disableErrors: true,
    })
    if (!post) return { output: { sentTo: 0, skipped: 'the post no longer exists' } }
    if (post.reviewStatus !== 'submitted') {
      return { output: { sentTo: 0, skipped: 'the post no longer waits for review' } }
    }
    // Those who chose immediate emails (or left the choice empty); digests list the draft later.
    const to = await recipientsNow(req, DRAFTS_FOR_REVIEW)
    if (to.length === 0) {
      return { output: { sentTo: 0, skipped: 'nobody asked for immediate emails' } }
    }
    const by = post.submittedForReviewBy
    const submittedBy = by && typeof by === 'object' ? by.name || by.email : 'An author'
    const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, req })
    const message = reviewEmail(post, submittedBy, {
      siteName: settings.siteName,
      serverUrl: runtimeOf(payload).config.serverUrl,
    })
    await payload.sendEmail({ to, ...message })
    return { output: { sentTo: to.length, skipped: '' } }
  },
}
