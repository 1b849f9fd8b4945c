import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { auditCommentStatus, commentLabel } from '@/audit/commentAudit'
import { actorOf, recordAudit } from '@/audit/recordAudit'
import { idOf } from '@/lib/idOf'
import type { Comment } from '@/payload-types'

/**
 * Every later status a comment takes (its first is recorded by recordNewComment): by a staff
 * member, or by the rule or job named on the comment (statusRule).
 */
export const auditStatusChange: CollectionAfterChangeHook<Comment> = async ({
  data,
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  // A WordPress import run records one entry for all it changed.
  if (operation !== 'update' || context.importRun) return doc
  // `doc` is what the caller may read: a reason or rule they may not see is taken from the data.
  const stored = { ...doc, ...data } as Comment
  const from = previousDoc?.status ?? null
  if (from === stored.status) return doc
  await auditCommentStatus(req, stored, from, actorOf(req, stored.statusRule ?? 'system'))
  return doc
}

/**
 * What a deleted comment said and who sent it, kept in its deletion's audit entry: once the row is
 * gone, the record is the only place left to answer "what did that comment say?".
 */
function deletedCommentRecord(doc: Comment) {
  return {
    authorName: doc.authorName,
    authorEmail: doc.authorEmail ?? null,
    authorUrl: doc.authorUrl ?? null,
    body: doc.body,
    status: doc.status,
    statusReason: doc.statusReason ?? null,
    post: idOf(doc.post),
    parent: idOf(doc.parent),
    ip: doc.ip ?? null,
    userAgent: doc.userAgent ?? null,
    createdAt: doc.createdAt,
  }
}

/** Deleting a comment outright (admins only) is on record; the retention purge records a count. */
export const auditCommentDeletion: CollectionAfterDeleteHook<Comment> = async ({
  doc,
  req,
  context,
}) => {
  if (context.purge) return doc
  await recordAudit(req, {
    action: 'comment-delete',
    actor: actorOf(req),
    summary: `${commentLabel(doc)} deleted`,
    targetType: 'comment',
    targetId: doc.id,
    targetLabel: commentLabel(doc),
    post: idOf(doc.post),
    from: doc.status,
    to: null,
    reason: null,
    details: deletedCommentRecord(doc),
  })
  return doc
}
