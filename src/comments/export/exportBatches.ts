import type { Payload, PayloadRequest, Where } from 'payload'

import { idOf } from '@/lib/idOf'
import { yieldToEventLoop } from '@/lib/yieldToEventLoop'
import type { AuditEntry, Comment } from '@/payload-types'

import type { ExportRow } from './exportFormat'
import { toRow, type ExportPost } from './exportRow'

/**
 * Comments read at a time: the most the export holds in memory, whatever it exports in all. Small
 * enough that a batch's objects die young: with 500, the batch in hand when V8 collected its young
 * generation (16 MiB) was promoted, garbage the old generation then grew to hold between full
 * collections (the server's peak went from 486 to 880-940 MiB exporting a million comments; with
 * 100 it does not move, and the export takes as long).
 */
export const EXPORT_BATCH = 100

/**
 * What a record needs (exportRow.ts), and no more: every other field read for a million comments
 * is garbage made at the export's pace, which the server's heap grows to hold between collections.
 */
const COMMENT_FIELDS = {
  post: true,
  parent: true,
  status: true,
  statusReason: true,
  authorName: true,
  authorEmail: true,
  authorUrl: true,
  ip: true,
  userAgent: true,
  referrer: true,
  createdAt: true,
  updatedAt: true,
  body: true,
  spamCheck: { verdict: true },
} as const
const AUDIT_FIELDS = {
  comment: true,
  createdAt: true,
  actorName: true,
  action: true,
  from: true,
  to: true,
  reason: true,
} as const

/**
 * The matching comments oldest first, a batch at a time, each with its post and audit entries.
 * Batches are read by position (after the last comment's date and id), so the thousandth batch
 * costs what the first did. The reads go to the database adapter directly: the export is for
 * admins, who may read every field, and Payload's per-document read hooks would cost five times
 * the query itself (a million comments is an hour through the Local API, minutes this way).
 * Without the comments' `history` join (the audit entries are one query per batch) and with only
 * the title and slug of each post named: a post's body is kept for the whole export otherwise,
 * hundreds of megabytes when the comments span ten thousand posts.
 */
export async function* exportBatches(
  payload: Payload,
  req: PayloadRequest,
  where: Where,
): AsyncGenerator<ExportRow[]> {
  const posts = new Map<string, ExportPost>()
  let last: Pick<Comment, 'id' | 'createdAt'> | null = null
  for (;;) {
    // After the last comment: from its date on (a range the date's index serves), then past
    // its id among those of the same date. The same condition written as one OR had no range
    // for the planner: each batch walked every comment before it.
    const after: Where[] = last
      ? [
          { createdAt: { greater_than_equal: last.createdAt } },
          {
            or: [
              { createdAt: { greater_than: last.createdAt } },
              { id: { greater_than: last.id } },
            ],
          },
        ]
      : []
    const { docs } = await payload.db.find<Comment>({
      collection: 'comments',
      where: { and: [...(Object.keys(where).length ? [where] : []), ...after] },
      sort: ['createdAt', 'id'],
      limit: EXPORT_BATCH,
      pagination: false,
      select: COMMENT_FIELDS,
      // No `history` join. The adapter's find types `joins` for no collection in particular
      // (never); the SQL adapters read false as "no joins", MongoDB's the same way.
      joins: false as never,
      req,
    })
    if (docs.length === 0) return
    const missing = [...new Set(docs.map((doc) => idOf(doc.post)))].filter(
      (id) => id !== null && !posts.has(String(id)),
    )
    if (missing.length) {
      const found = await payload.db.find<ExportPost>({
        collection: 'posts',
        where: { id: { in: missing } },
        select: { title: true, slug: true },
        limit: missing.length,
        pagination: false,
        req,
      })
      for (const post of found.docs) posts.set(String(post.id), post)
    }
    const { docs: entries } = await payload.db.find<AuditEntry>({
      collection: 'audit-entries',
      where: { comment: { in: docs.map((doc) => doc.id) } },
      sort: 'createdAt',
      pagination: false,
      select: AUDIT_FIELDS,
      req,
    })
    const byComment = new Map<string, AuditEntry[]>()
    for (const entry of entries) {
      const key = String(idOf(entry.comment))
      byComment.set(key, [...(byComment.get(key) ?? []), entry])
    }
    yield docs.map((doc) =>
      toRow(doc, posts.get(String(idOf(doc.post))), byComment.get(String(doc.id)) ?? []),
    )
    if (docs.length < EXPORT_BATCH) return
    last = docs[docs.length - 1]
    // Other requests between batches: at a million comments the export runs for a minute and
    // more, and with SQLite nothing else would be served meanwhile (yieldToEventLoop).
    await yieldToEventLoop()
  }
}
