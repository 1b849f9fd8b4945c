import type { ExportRow } from '@/comments/export/exportFormat'
import { idOf } from '@/lib/idOf'
import type { AuditEntry, Comment, Post } from '@/payload-types'

export type ExportPost = Pick<Post, 'id' | 'title' | 'slug'>

/** One comment, its post and its audit entries as an export record. */
export function toRow(
  comment: Comment,
  post: ExportPost | undefined,
  history: AuditEntry[],
): ExportRow {
  return {
    id: comment.id,
    postId: idOf(comment.post) as number | string,
    postTitle: post?.title ?? '',
    postSlug: post?.slug ?? '',
    parentId: idOf(comment.parent),
    status: comment.status,
    statusReason: comment.statusReason ?? null,
    authorName: comment.authorName,
    authorEmail: comment.authorEmail,
    authorUrl: comment.authorUrl ?? null,
    ip: comment.ip ?? null,
    userAgent: comment.userAgent ?? null,
    referrer: comment.referrer ?? null,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    body: comment.body,
    spamVerdict: comment.spamCheck?.verdict ?? null,
    history: history.map((entry) => ({
      at: entry.createdAt,
      actor: entry.actorName,
      action: entry.action,
      from: entry.from ?? null,
      to: entry.to ?? null,
      reason: entry.reason ?? null,
    })),
  }
}
