import type { Endpoint, Where } from 'payload'

import { hasRole } from '@/access/roles'
import { recordAudit } from '@/audit/recordAudit'
import { badRequest } from '@/comments/errorResponse'
import { toCsv, toJson, type ExportRow } from '@/comments/exportFormat'
import { COMMENT_STATUSES } from '@/comments/statuses'
import type { AuditEntry, Comment, Post, User } from '@/payload-types'

const BATCH = 500
const DATE = /^\d{4}-\d{2}-\d{2}$/

type Filters = {
  format: 'csv' | 'json'
  post: string | null
  status: string | null
  from: string | null
  to: string | null
}

function readFilters(params: URLSearchParams): Filters | Response {
  const format = params.get('format') ?? 'csv'
  if (format !== 'csv' && format !== 'json')
    return badRequest('format must be csv or json', 'format')
  const status = params.get('status') || null
  if (status && !(COMMENT_STATUSES as readonly string[]).includes(status)) {
    return badRequest(`status must be one of ${COMMENT_STATUSES.join(', ')}`, 'status')
  }
  const from = params.get('from') || null
  const to = params.get('to') || null
  for (const [path, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) {
      return badRequest(`${path} must be a date in the form YYYY-MM-DD`, path)
    }
  }
  if (from && to && from > to) return badRequest('from must not be after to', 'from')
  const post = params.get('post') || null
  // A numeric id (SQL databases) or an ObjectId (MongoDB); anything else would reach the query.
  if (post && !/^(?:\d+|[0-9a-f]{24})$/i.test(post)) {
    return badRequest('post must be a post id', 'post')
  }
  return { format, post, status, from, to }
}

function whereOf(filters: Filters): Where {
  const and: Where[] = []
  if (filters.post) and.push({ post: { equals: filters.post } })
  if (filters.status) and.push({ status: { equals: filters.status } })
  if (filters.from) and.push({ createdAt: { greater_than_equal: `${filters.from}T00:00:00.000Z` } })
  if (filters.to) and.push({ createdAt: { less_than_equal: `${filters.to}T23:59:59.999Z` } })
  return and.length ? { and } : {}
}

const idOf = (value: unknown) =>
  value && typeof value === 'object' && 'id' in value
    ? (value as { id: number | string }).id
    : ((value as number | string | null) ?? null)

function toRow(comment: Comment, history: AuditEntry[]): ExportRow {
  const post = (typeof comment.post === 'object' ? comment.post : null) as Post | null
  return {
    id: comment.id,
    postId: post?.id ?? (comment.post as number | string),
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

/**
 * GET /api/comments/export?format=csv|json&post=&status=&from=YYYY-MM-DD&to=YYYY-MM-DD
 * Admins export comments with their moderation history for records requests. The export itself is
 * on record.
 */
export const exportComments: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) {
      return Response.json({ errors: [{ message: 'You must be signed in' }] }, { status: 401 })
    }
    if (!hasRole(req.user as User, 'admin')) {
      return Response.json(
        { errors: [{ message: 'Only admins can export comments' }] },
        { status: 403 },
      )
    }
    const filters = readFilters(new URL(req.url ?? '', 'http://localhost').searchParams)
    if (filters instanceof Response) return filters
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
      actor: { user: req.user as User },
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
