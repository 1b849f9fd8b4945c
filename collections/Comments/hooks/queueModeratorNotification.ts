import type { CollectionAfterChangeHook } from 'payload'

import { NOTIFICATIONS_QUEUE } from '@/jobs/notifyModerators'
import type { Comment } from '@/payload-types'

/**
 * A new comment held in Pending queues an email to the moderators, in the same transaction: the
 * job exists exactly when the comment does, and a mail failure is retried by the job, never felt
 * by the reader.
 */
export const queueModeratorNotification: CollectionAfterChangeHook<Comment> = async ({
  data,
  doc,
  operation,
  req,
  context,
}) => {
  // The stored status: a reader's view of `doc` shows spam and trash as pending.
  const status = data?.status ?? doc.status
  if (operation !== 'create' || status !== 'pending' || context.importing) return doc
  // A comment whose spam check failed is announced once the recheck settles (src/jobs/recheckSpam).
  if (data?.spamCheck?.verdict === 'error') return doc
  await req.payload.jobs.queue({
    task: 'notifyModerators',
    queue: NOTIFICATIONS_QUEUE,
    input: { comment: String(doc.id) },
    req,
  })
  return doc
}
