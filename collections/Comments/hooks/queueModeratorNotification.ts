import type { CollectionAfterChangeHook } from 'payload'

import { NOTIFICATIONS_QUEUE } from '@/jobs/notifyModerators'
import type { Comment } from '@/payload-types'

/**
 * A comment that lands in Pending queues an email to the moderators, in the same transaction: the
 * job exists exactly when the change does, and a mail failure is retried by the job, never felt
 * by the reader. It lands there when it is submitted, or, after a failed spam check, when the
 * recheck finds it ham and the rules hold it (src/jobs/recheckSpam).
 */
export const queueModeratorNotification: CollectionAfterChangeHook<Comment> = async ({
  data,
  doc,
  operation,
  previousDoc,
  req,
  context,
}) => {
  if (context.importing) return doc
  // The stored values: a reader's view of `doc` shows spam and trash as pending.
  const status = data?.status ?? doc.status
  const verdict = data?.spamCheck?.verdict
  const lands =
    status === 'pending' &&
    (operation === 'create'
      ? verdict !== 'error'
      : previousDoc?.spamCheck?.verdict === 'error' && verdict === 'ham')
  if (!lands) return doc
  await req.payload.jobs.queue({
    task: 'notifyModerators',
    queue: NOTIFICATIONS_QUEUE,
    input: { comment: String(doc.id) },
    req,
  })
  return doc
}
