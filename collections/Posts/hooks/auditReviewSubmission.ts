import type { CollectionAfterChangeHook } from 'payload'

import { actorOf, recordAudit } from '@/audit/recordAudit'
import { queueReviewEmail } from '@/jobs/notifyEditors'
import type { Post } from '@/payload-types'
import { REVIEW_SUBMISSION } from '@/posts/submitForReview'

/**
 * A draft submitted for review (src/posts/submitForReview.ts) is on the audit trail, and the
 * editors' email is queued, in the same transaction as the submission itself.
 */
export const auditReviewSubmission: CollectionAfterChangeHook<Post> = async ({
  context,
  doc,
  req,
}) => {
  if (!context[REVIEW_SUBMISSION]) return doc
  await recordAudit(req, {
    action: 'post-submit',
    actor: actorOf(req),
    summary: `Submitted "${doc.title}" for review`,
    targetType: 'post',
    targetId: doc.id,
    targetLabel: doc.title,
    post: doc.id,
    from: 'draft',
    to: 'waiting for review',
  })
  await queueReviewEmail(req, doc.id)
  return doc
}
