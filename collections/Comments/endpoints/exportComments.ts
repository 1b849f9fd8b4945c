import type { Endpoint } from 'payload'

import { errorResponse } from '@/api/errorResponse'
import { requireRole } from '@/api/requireRole'
import { recordAudit } from '@/audit/recordAudit'
import { readFilters, whereOf, type ExportFilters } from '@/comments/export/exportFilters'
import { exportBatches } from '@/comments/export/exportBatches'
import { CSV_HEAD, csvRecord, jsonExport } from '@/comments/export/exportFormat'
import type { User } from '@/payload-types'

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
    const where = whereOf(filters)
    const { totalDocs: count } = await payload.count({ collection: 'comments', where, req })
    const { format, ...filterValues } = filters
    // On record before the first byte: what was asked for, and how much.
    await recordAudit(req, {
      action: 'comment-export',
      actor: { user: admin },
      summary: `Exported ${count} comments as ${format.toUpperCase()}`,
      targetType: 'comment',
      details: { count, format, filters: filterValues },
    })
    const generatedAt = new Date().toISOString()
    const stamp = generatedAt.slice(0, 16).replace(/[-:T]/g, '')
    const batches = exportBatches(payload, req, where)
    const encoder = new TextEncoder()
    let first = true
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          encoder.encode(
            format === 'csv'
              ? CSV_HEAD
              : jsonExport.head({ generatedAt, filters: filterValues, count }),
          ),
        )
      },
      // One batch per pull: the reader's pace decides how fast the database is read.
      async pull(controller) {
        const next = await batches.next()
        if (next.done) {
          if (format === 'json') controller.enqueue(encoder.encode(jsonExport.tail(first)))
          controller.close()
          return
        }
        const text =
          format === 'csv'
            ? next.value.map(csvRecord).join('')
            : next.value.map((row, i) => jsonExport.record(row, first && i === 0)).join('')
        first = false
        controller.enqueue(encoder.encode(text))
      },
      async cancel() {
        await batches.return(undefined)
      },
    })
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
