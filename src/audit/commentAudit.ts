import type { PayloadRequest } from 'payload'

import { idOf } from '@/lib/idOf'
import type { Comment } from '@/payload-types'

import { recordAudit, type AuditActor } from './recordAudit'

export const commentLabel = (comment: Pick<Comment, 'id' | 'authorName'>) =>
  `Comment #${comment.id} by ${comment.authorName}`

/** One status a comment took (`from` null: its first), in the transaction of `req`. */
export function auditCommentStatus(
  req: PayloadRequest,
  comment: Comment,
  from: Comment['status'] | null,
  actor: AuditActor,
): Promise<void> {
  return recordAudit(req, {
    action: 'comment-status',
    actor,
    summary: `${commentLabel(comment)}: ${from ?? 'new'} -> ${comment.status}`,
    targetType: 'comment',
    targetId: comment.id,
    targetLabel: commentLabel(comment),
    comment: comment.id,
    post: idOf(comment.post),
    from,
    to: comment.status,
    reason: comment.statusReason ?? null,
  })
}
