import type { PayloadRequest } from 'payload'

import { auditCommentStatus } from '@/audit/commentAudit'
import { actorOf } from '@/audit/recordAudit'
import { queueModeratorEmail } from '@/jobs/notifyModerators'
import { queueSpamCheck } from '@/jobs/recheckSpam'
import type { Comment } from '@/payload-types'

/**
 * The last stage, run by the collection's afterChange hook in the transaction that stores the
 * comment, on every path: the first status on record, then the work it calls for. A comment whose
 * spam check failed or waits is checked by the spam queue, which tells the moderators once it
 * settles; one held in Pending now is announced to them. Imported history notifies no one.
 */
export async function recordNewComment(
  req: PayloadRequest,
  comment: Comment,
  { imported }: { imported: boolean },
): Promise<void> {
  const rule = comment.statusRule ?? (imported ? 'import' : 'moderation rules')
  await auditCommentStatus(req, comment, null, imported ? { system: rule } : actorOf(req, rule))
  if (imported) return
  const spamCheck = comment.spamCheck
  if (spamCheck?.verdict === 'error') await queueSpamCheck(req, comment.id, 'retry')
  else if (spamCheck?.verdict === 'unchecked' && spamCheck.details) {
    await queueSpamCheck(req, comment.id, 'now')
  } else if (comment.status === 'pending') await queueModeratorEmail(req, comment.id)
}
