import type { Endpoint } from 'payload'

import { errorResponse } from '@/api/errorResponse'
import { requireRole } from '@/api/requireRole'
import { recordAudit } from '@/audit/recordAudit'
import { readFilters, whereOf, type ExportFilters } from '@/comments/export/exportFilters'
import { toCsv, toJson, type ExportRow } from '@/comments/export/exportFormat'
import { toRow } from '@/comments/export/exportRow'
import { idOf } from '@/lib/idOf'
import type { AuditEntry, User } from '@/payload-types'

const BATCH = 500

/**
 * GET /api/comments/export?format=csv|json&post=&status=&from=YYYY-MM-DD&to=YYYY-MM-DD
 * Admins export comments with their moderation history for records requests. The export itself is
 * on record.
 */
export const exportComments: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    let filters: ExportFilters
    let admin: User
    try {
      admin = requireRole(req, ['admin'], 'export comments')
      filters = readFilters(new URL(req.url ?? '', 'http://localhost').searchParams)
    } catch (error) {
      return errorResponse(error)
    }
    const { payload } = req
    const rows: ExportRow[] = []
    for (let page = 1; ; page++) {
      const result = await payload.find({
        collection: 'comments',
        where: whereOf(filters),
        sort: 'createdAt',
        limit: BATCH,
        page,
        depth: 1,
        populate: { posts: { title: true, slug: true } },
        select: { history: false },
        req,
      })
      const ids = result.docs.map((doc) => doc.id)
      const { docs: entries } = ids.length
        ? await payload.find({
            collection: 'audit-entries',
            where: { comment: { in: ids } },
            sort: 'createdAt',
            pagination: false,
            depth: 0,
            req,
          })
        : { docs: [] as AuditEntry[] }
      const byComment = new Map<string, AuditEntry[]>()
      for (const entry of entries) {
        const key = String(idOf(entry.comment))
        byComment.set(key, [...(byComment.get(key) ?? []), entry])
      }
      for (const doc of result.docs) rows.push(toRow(doc, byComment.get(String(doc.id)) ?? []))
      if (!result.hasNextPage) break
    }
    const { format, ...filterValues } = filters
    await recordAudit(req, {
      action: 'comment-export',
      actor: { user: admin },
      summary: `Exported ${rows.length} comments as ${format.toUpperCase()}`,
      targetType: 'comment',
      details: { count: rows.length, format, filters: filterValues },
    })
    const generatedAt = new Date().toISOString()
    const stamp = generatedAt.slice(0, 16).replace(/[-:T]/g, '')
    const body =
      format === 'csv' ? toCsv(rows) : toJson(rows, { generatedAt, filters: filterValues })
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type':
          format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="comments-${stamp}.${format}"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}
