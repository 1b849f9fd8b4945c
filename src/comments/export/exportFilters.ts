import type { Where } from 'payload'

import { refuseFields } from '@/api/refuseFields'
import { COMMENT_STATUSES } from '@/comments/rules/statuses'

const DATE = /^\d{4}-\d{2}-\d{2}$/

export type ExportFilters = {
  format: 'csv' | 'json'
  post: string | null
  status: string | null
  from: string | null
  to: string | null
}

function refuse(message: string, path: string): never {
  return refuseFields([{ path, message }])
}

/** The export's query parameters, checked; a ValidationError (400) for the first bad one. */
export function readFilters(params: URLSearchParams): ExportFilters {
  const format = params.get('format') ?? 'csv'
  if (format !== 'csv' && format !== 'json') refuse('format must be csv or json', 'format')
  const status = params.get('status') || null
  if (status && !(COMMENT_STATUSES as readonly string[]).includes(status)) {
    refuse(`status must be one of ${COMMENT_STATUSES.join(', ')}`, 'status')
  }
  const from = params.get('from') || null
  const to = params.get('to') || null
  for (const [path, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) {
      refuse(`${path} must be a date in the form YYYY-MM-DD`, path)
    }
  }
  if (from && to && from > to) refuse('from must not be after to', 'from')
  const post = params.get('post') || null
  // A numeric id (SQL databases) or an ObjectId (MongoDB); anything else would reach the query.
  if (post && !/^(?:\d+|[0-9a-f]{24})$/i.test(post)) {
    refuse('post must be a post id', 'post')
  }
  return { format, post, status, from, to }
}

export function whereOf(filters: ExportFilters): Where {
  const and: Where[] = []
  if (filters.post) and.push({ post: { equals: filters.post } })
  if (filters.status) and.push({ status: { equals: filters.status } })
  if (filters.from) and.push({ createdAt: { greater_than_equal: `${filters.from}T00:00:00.000Z` } })
  if (filters.to) and.push({ createdAt: { less_than_equal: `${filters.to}T23:59:59.999Z` } })
  return and.length ? { and } : {}
}
