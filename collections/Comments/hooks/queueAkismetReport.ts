import type { CollectionAfterChangeHook } from 'payload'

import { staffUser } from '@/access/roles'
import { queueAkismetReport as queue } from '@/jobs/reportToAkismet'
import type { Comment } from '@/payload-types'
import type { SpamCheckDetails } from '@/spam/spamCheckRecord'

const reportedAs = (comment: Partial<Comment> | undefined) =>
  (comment?.spamCheck?.details as SpamCheckDetails | undefined)?.reportedAs

/**
 * Queues the report decideAkismetReport noted on the comment (`reportedAs` moved on), in the
 * transaction of the moderator's change; the spam queue sends it.
 */
export const queueAkismetReport: CollectionAfterChangeHook<Comment> = async ({
  data,
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const kind = reportedAs(data)
  const user = staffUser(req)
  if (operation !== 'update' || !kind || !user || kind === reportedAs(previousDoc)) return doc
  await queue(req, doc.id, kind, user.email)
  return doc
}
