import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { actorOf, recordAudit } from '@/audit/recordAudit'
import type { Comment } from '@/payload-types'

const idOf = (value: Comment['post'] | Comment['parent']) =>
  value && typeof value === 'object' ? value.id : (value ?? null)

const label = (doc: Comment) => `Comment #${doc.id} by ${doc.authorName}`

/** Every status a comment takes, from its first (set by a rule or by staff) onwards. */
export const auditStatusChange: CollectionAfterChangeHook<Comment> = async ({
  data,
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  // `doc` is what the caller may read: for a reader (or editor) creating a comment the status is
  // masked and the reason hidden, so a new comment's are taken from the data that was stored.
  const stored = operation === 'create' ? { ...doc, ...data } : doc
  const from = operation === 'create' ? null : (previousDoc?.status ?? null)
  if (operation === 'update' && from === stored.status) return doc
  const rule = typeof context.statusRule === 'string' ? context.statusRule : 'moderation rules'
  await recordAudit(req, {
    action: 'comment-status',
    actor:
      operation === 'create' && context.importing
        ? { system: typeof context.auditActor === 'string' ? context.auditActor : 'import' }
        : actorOf(req, rule),
    summary: `${label(doc)}: ${from ?? 'new'} -> ${stored.status}`,
    targetType: 'comment',
    targetId: doc.id,
    targetLabel: label(doc),
    comment: doc.id,
    post: idOf(doc.post),
    from,
    to: stored.status,
    reason: stored.statusReason ?? null,
  })
  return doc
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
    summary: `${label(doc)} deleted`,
    targetType: 'comment',
    targetId: doc.id,
    targetLabel: label(doc),
    post: idOf(doc.post),
    from: doc.status,
    to: null,
    reason: typeof context.statusReason === 'string' ? context.statusReason : null,
    details: { authorName: doc.authorName, createdAt: doc.createdAt },
  })
  return doc
}
