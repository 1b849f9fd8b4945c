import type { CollectionAfterChangeHook } from 'payload'

import { actorOf, recordAudit } from '@/audit/recordAudit'
import type { Post } from '@/payload-types'

/**
 * Opening or closing a published post's thread is on record, whichever way it happened: the
 * thread endpoint, an edit, or archiving (which closes it). Draft saves change nothing readers
 * see and are not recorded.
 */
export const auditThreadChange: CollectionAfterChangeHook<Post> = async ({
  doc,
  previousDoc,
  req,
  context,
}) => {
  // A WordPress import run records one entry for all it wrote.
  if (doc._status !== 'published' || context.importRun) return doc
  const from = previousDoc?.commentStatus ?? 'open'
  if (from === doc.commentStatus) return doc
  const closing = doc.commentStatus === 'closed'
  const given = typeof context.threadReason === 'string' ? context.threadReason : null
  await recordAudit(req, {
    action: closing ? 'thread-close' : 'thread-open',
    actor: actorOf(req),
    summary: `Comments ${closing ? 'closed' : 'opened'} on "${doc.title}"`,
    targetType: 'post',
    targetId: doc.id,
    targetLabel: doc.title,
    post: doc.id,
    from,
    to: doc.commentStatus,
    reason: given ?? (closing ? (doc.commentsClosedReason ?? null) : null),
  })
  return doc
}
