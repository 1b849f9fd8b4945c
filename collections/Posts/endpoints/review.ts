import type { Endpoint } from 'payload'

import { errorResponse } from '@/api/errorResponse'
import { requireRole } from '@/api/requireRole'
import { countWaitingForReview, submitForReview } from '@/posts/submitForReview'

/**
 * POST /api/posts/:id/submit-for-review  (no body)
 * An author's "Submit for review": 200 `{ id, reviewStatus, submittedForReviewAt }`; refusals as
 * in submitForReview.
 */
export const submitForReviewEndpoint: Endpoint = {
  path: '/:id/submit-for-review',
  method: 'post',
  handler: async (req) => {
    try {
      const post = await submitForReview(req, String(req.routeParams?.id ?? ''))
      return Response.json({
        id: post.id,
        reviewStatus: post.reviewStatus,
        submittedForReviewAt: post.submittedForReviewAt ?? null,
      })
    } catch (error) {
      return errorResponse(error)
    }
  },
}

/**
 * GET /api/posts/review-count  -> `{ waiting }`: how many drafts wait for an editor's review,
 * for the dashboard. Editors and admins.
 */
export const reviewCountEndpoint: Endpoint = {
  path: '/review-count',
  method: 'get',
  handler: async (req) => {
    try {
      requireRole(req, ['editor', 'admin'], 'see the drafts waiting for review')
      return Response.json({ waiting: await countWaitingForReview(req) })
    } catch (error) {
      return errorResponse(error)
    }
  },
}
