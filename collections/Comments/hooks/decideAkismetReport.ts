import type { CollectionBeforeChangeHook } from 'payload'

import { hasRole, staffUser } from '@/access/roles'
import type { Comment } from '@/payload-types'
import { akismetReportFor } from '@/spam/akismetReportFor'
import { runtimeOf } from '@/runtime/runtime'
import type { SpamCheckDetails } from '@/spam/spamCheckRecord'

/**
 * When a moderator's status change contradicts what Akismet believes, notes the report to send
 * on the comment (`reportedAs`); queueAkismetReport queues it once the change is stored. Changes made by rules and jobs never
 * report.
 */
export const decideAkismetReport: CollectionBeforeChangeHook<Comment> = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  const user = staffUser(req)
  if (operation !== 'update' || !originalDoc || !hasRole(user, 'admin', 'moderator')) return data
  if (!data.status || data.status === originalDoc.status || !runtimeOf(req.payload).akismet)
    return data
  const details = originalDoc.spamCheck?.details as SpamCheckDetails | undefined
  if (!details?.input) return data
  const kind = akismetReportFor({
    from: originalDoc.status,
    to: data.status,
    verdict: originalDoc.spamCheck?.verdict,
    reportedAs: details.reportedAs,
  })
  if (!kind) return data
  // queueAkismetReport sends it once the change is stored.
  data.spamCheck = { ...originalDoc.spamCheck, details: { ...details, reportedAs: kind } }
  return data
}
