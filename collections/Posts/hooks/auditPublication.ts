import type { CollectionAfterChangeHook } from 'payload'

import { actorOf, recordAudit } from '@/audit/recordAudit'
import { idOf } from '@/lib/idOf'
import type { Post } from '@/payload-types'

/**
 * Every publication is on record: a first publish, "Publish changes" on a published post, and the
 * scheduled publishing job (as the system). Saving only a published post's discussion fields
 * (updateThreadFields, which sets `threadReason`) and a WordPress import run are not publications.
 */
export const auditPublication: CollectionAfterChangeHook<Post> = async ({
  context,
  data,
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (data._status !== 'published' || doc._status !== 'published') return doc
  if (context.importRun || 'threadReason' in context) return doc
  const from = operation === 'create' ? 'new' : (previousDoc?._status ?? 'draft')
  const reviewed = previousDoc?.reviewStatus === 'submitted'
  await recordAudit(req, {
    action: 'post-publish',
    actor: actorOf(req, 'scheduled publishing'),
    summary: `Published "${doc.title}"${reviewed ? ' after review' : ''}`,
    targetType: 'post',
    targetId: doc.id,
    targetLabel: doc.title,
    post: doc.id,
    from,
    to: 'published',
    details: reviewed
      ? {
          submittedForReviewAt: previousDoc.submittedForReviewAt ?? null,
          submittedForReviewBy: idOf(previousDoc.submittedForReviewBy),
        }
      : null,
  })
  return doc
}
