import type { Endpoint } from 'payload'

import { countComments } from '@/comments/countComments'

import { refuseNonModerators } from './moderateComments'

/** GET /api/comments/moderation-counts: how many comments each moderation tab holds. */
export const moderationCounts: Endpoint = {
  path: '/moderation-counts',
  method: 'get',
  handler: async (req) => {
    const refused = refuseNonModerators(req)
    if (refused) return refused
    return Response.json(await countComments(req.payload, req.user))
  },
}
