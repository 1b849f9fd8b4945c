import type { CollectionAfterChangeHook } from 'payload'

import { queueAkismetReport } from '@/jobs/reportToAkismet'
import { queueSpamRecheck } from '@/jobs/recheckSpam'
import type { Comment } from '@/payload-types'

/**
 * Queues the Akismet work a change calls for, in the same transaction as the change: a recheck
 * for a new comment whose check failed, a report for a moderator's decision (decideAkismetReport).
 */
export const queueSpamWork: CollectionAfterChangeHook<Comment> = async ({
  data,
  doc,
  operation,
  req,
}) => {
  // `data`, not `doc`: the spam check is a private field, hidden from a reader's view of `doc`.
  if (operation === 'create' && data?.spamCheck?.verdict === 'error') {
    await queueSpamRecheck(req, doc.id)
  }
  const report = req.context.akismetReport as { kind: 'spam' | 'ham'; by: string } | undefined
  if (operation === 'update' && report) {
    delete req.context.akismetReport
    await queueAkismetReport(req, doc.id, report.kind, report.by)
  }
  return doc
}
