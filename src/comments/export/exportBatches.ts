import type { Payload, PayloadRequest, Where } from 'payload'

import { idOf } from '@/lib/idOf'
import type { AuditEntry, Comment } from '@/payload-types'

import { toRow } from './exportRow'
import type { ExportRow } from './exportFormat'

/** Comments read at a time: the most the export holds in memory, whatever it exports in all. */
export const EXPORT_BATCH = 500

/**
 * The matching comments oldest first, a batch at a time, each with its audit entries. Batches are
 * read by position (after the last comment's date and id), so the thousandth batch costs what the
 * first did.
 */
export async function* exportBatches(
  payload: Payload,
  req: PayloadRequest,
  where: Where,
): AsyncGenerator<ExportRow[]> {
  let last: Pick<Comment, 'id' | 'createdAt'> | null = null
  for (;;) {
    const after: Where[] = last
      ? [
          {
            or: [
              { createdAt: { greater_than: last.createdAt } },
              {
                and: [{ createdAt: { equals: last.createdAt } }, { id: { greater_than: last.id } }],
              },
            ],
          },
        ]
      : []
    const { docs } = await payload.find({
      collection: 'comments',
      where: { and: [...(Object.keys(where).length ? [where] : []), ...after] },
      sort: ['createdAt', 'id'],
      limit: EXPORT_BATCH,
      pagination: false,
      depth: 1,
      populate: { posts: { title: true, slug: true } },
      select: { history: false },
      req,
    })
    if (docs.length === 0) return
    const { docs: entries } = await payload.find({
      collection: 'audit-entries',
      where: { comment: { in: docs.map((doc) => doc.id) } },
      sort: 'createdAt',
      pagination: false,
      depth: 0,
      req,
    })
    const byComment = new Map<string, AuditEntry[]>()
    for (const entry of entries) {
      const key = String(idOf(entry.comment))
      byComment.set(key, [...(byComment.get(key) ?? []), entry])
    }
    yield docs.map((doc) => toRow(doc, byComment.get(String(doc.id)) ?? []))
    if (docs.length < EXPORT_BATCH) return
    last = docs[docs.length - 1]
  }
}
