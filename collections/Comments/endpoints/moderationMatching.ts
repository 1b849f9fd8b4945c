import type { Endpoint } from 'payload'

import { badRequest, errorResponse } from '@/api/errorResponse'
import { requireRole } from '@/api/requireRole'
import { parseQueueFilter } from '@/comments/queue/queueFilter'
import { queueWhere } from '@/comments/queue/queueWhere'
import { SUSPICIOUS } from '@/comments/queue/suspicion'

/**
 * GET /api/comments/moderation-matching?status=&q=&post=
 * What "select all matching" would act on, for its confirmation: how many comments the filter
 * holds now, how many of them are suspicious (links, a rule's reason, Akismet's doubt), and the
 * moment counted (`before`), which the bulk action then takes so later arrivals are left out.
 * Two counts in the database.
 */
export const moderationMatching: Endpoint = {
  path: '/moderation-matching',
  method: 'get',
  handler: async (req) => {
    try {
      requireRole(req, ['moderator', 'admin'], 'moderate comments')
    } catch (error) {
      return errorResponse(error)
    }
    const search = new URL(req.url ?? '', 'http://localhost').searchParams
    const params = Object.fromEntries([...new Set(search.keys())].map((k) => [k, search.getAll(k)]))
    const { filter, errors } = parseQueueFilter(params)
    if (errors.length) return badRequest(errors[0].message, errors[0].path)
    const before = filter.before ?? new Date().toISOString()
    const where = queueWhere({ ...filter, before })
    const count = (w: typeof where) =>
      req.payload
        .count({ collection: 'comments', where: w, overrideAccess: false, user: req.user, req })
        .then((result) => result.totalDocs)
    const [matching, suspicious] = await Promise.all([
      count(where),
      count({ and: [where, SUSPICIOUS] }),
    ])
    return Response.json({ matching, suspicious, before })
  },
}
