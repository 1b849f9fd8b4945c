import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { actorOf, recordAudit } from '@/audit/recordAudit'
import { BLOCK_KIND_LABELS } from '@/comments/blocks/blockValues'
import { idOf } from '@/lib/idOf'
import type { CommenterBlock } from '@/payload-types'
import { CACHE_TAGS } from '@/runtime/cacheTags'
import { invalidateEverywhere } from '@/runtime/sharedInvalidation'

const blockLabel = (block: CommenterBlock) => `${BLOCK_KIND_LABELS[block.kind]} ${block.value}`

/**
 * The cached ranges are dropped, on every instance, now and once more a moment later: a
 * submission that reads them before this write commits could otherwise keep the old list.
 */
const invalidateRanges = (req: PayloadRequest) =>
  invalidateEverywhere(req.payload, [CACHE_TAGS.commenterBlocks])

/**
 * Every block, lift and change of a block's reason or end date is on the audit trail, in the
 * write's transaction; and the submission check's cached ranges are dropped.
 */
export const auditBlockChange: CollectionAfterChangeHook<CommenterBlock> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  await invalidateRanges(req)
  const base = {
    actor: actorOf(req),
    targetType: 'commenter-block' as const,
    targetId: doc.id,
    targetLabel: blockLabel(doc),
    comment: idOf(doc.fromComment),
  }
  if (operation === 'create') {
    await recordAudit(req, {
      ...base,
      action: 'commenter-block',
      summary: `Blocked ${blockLabel(doc)}${doc.until ? ` until ${doc.until}` : ''}`,
      from: null,
      to: doc.until ? `blocked until ${doc.until}` : 'blocked',
      reason: doc.reason,
      details: { kind: doc.kind, value: doc.value, until: doc.until ?? null },
    })
    return doc
  }
  if (doc.lifted && !previousDoc?.lifted) {
    await recordAudit(req, {
      ...base,
      action: 'commenter-block-lift',
      summary: `Lifted the block on ${blockLabel(doc)}`,
      from: 'blocked',
      to: 'lifted',
      reason: doc.reason,
    })
    return doc
  }
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const field of ['reason', 'until'] as const) {
    const from = previousDoc?.[field] ?? null
    const to = doc[field] ?? null
    if (from !== to) changes[field] = { from, to }
  }
  if (Object.keys(changes).length === 0) return doc
  await recordAudit(req, {
    ...base,
    action: 'commenter-block-change',
    summary: `Changed the block on ${blockLabel(doc)}: ${Object.keys(changes).join(', ')}`,
    from: Object.entries(changes)
      .map(([field, change]) => `${field}: ${change.from ?? '—'}`)
      .join('; '),
    to: Object.entries(changes)
      .map(([field, change]) => `${field}: ${change.to ?? '—'}`)
      .join('; '),
    reason: doc.reason,
    details: { changes },
  })
  return doc
}
