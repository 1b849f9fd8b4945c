import type { Endpoint } from 'payload'

import { errorResponse } from '@/api/errorResponse'
import { requireRole } from '@/api/requireRole'
import { countComments } from '@/comments/queries/countComments'

/** GET /api/comments/moderation-counts: how many comments each moderation tab holds. */
export const moderationCounts: Endpoint = {
  path: '/moderation-counts',
  method: 'get',
  handler: async (req) => {
    try {
      requireRole(req, ['moderator', 'admin'], 'moderate comments')
      return Response.json(await countComments(req.payload, req.user))
    } catch (error) {
      return errorResponse(error)
    }
  },
}
