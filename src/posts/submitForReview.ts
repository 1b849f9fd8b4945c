import type { PayloadRequest } from 'payload'

import { hasRole } from '@/access/roles'
import { RequestRefused } from '@/api/requestRefused'
import { requireRole } from '@/api/requireRole'
import { idOf } from '@/lib/idOf'
import type { Post } from '@/payload-types'

/** A loop guard and a marker: this save is a submission, to audit and announce (auditReview). */
export const REVIEW_SUBMISSION = 'reviewSubmission'

export const REVIEW_MESSAGES = {
  notFound: (id: number | string) => `Post ${id} was not found`,
  notYours: 'Authors can submit only the posts they created',
  nothingToReview:
    'Nothing to review: the post is published and has no unpublished changes. Save a draft first.',
  alreadyWaiting: 'This draft is already waiting for review',
} as const

/**
 * "Submit for review": marks the post's latest draft as waiting for an editor, in one saved draft
 * version. Its afterChange hook records the submission on the audit trail and queues the editors'
 * email in the same transaction. Authors submit their own posts; editors and admins may submit
 * any (they could also just publish). Refusals: 401/403 role, 403 not the author's post, 404
 * unknown post, 409 nothing to review or already waiting.
 */
export async function submitForReview(req: PayloadRequest, id: number | string): Promise<Post> {
  const user = requireRole(req, ['author', 'editor', 'admin'], 'submit a post for review')
  const post = await req.payload
    .findByID({ collection: 'posts', id, depth: 0, draft: true, disableErrors: true, req })
    .catch(() => null)
  if (!post) throw new RequestRefused(REVIEW_MESSAGES.notFound(id), 404)
  if (hasRole(user, 'author') && idOf(post.createdBy) !== user.id) {
    throw new RequestRefused(REVIEW_MESSAGES.notYours, 403)
  }
  if (post._status === 'published') throw new RequestRefused(REVIEW_MESSAGES.nothingToReview, 409)
  if (post.reviewStatus === 'submitted') {
    throw new RequestRefused(REVIEW_MESSAGES.alreadyWaiting, 409)
  }
  return req.payload.update({
    collection: 'posts',
    id: post.id,
    draft: true,
    depth: 0,
    data: {
      reviewStatus: 'submitted',
      submittedForReviewAt: new Date().toISOString(),
      submittedForReviewBy: user.id,
    },
    req,
    // The server sets the review fields; the caller's rights were checked above.
    overrideAccess: true,
    context: { [REVIEW_SUBMISSION]: true, trustedServerChange: true },
  })
}

/** How many drafts wait for review, counted in the database (the latest version of each post). */
export async function countWaitingForReview(req: PayloadRequest): Promise<number> {
  const { totalDocs } = await req.payload.find({
    collection: 'posts',
    draft: true,
    where: { reviewStatus: { equals: 'submitted' } },
    limit: 1,
    depth: 0,
    select: { title: true },
    overrideAccess: true,
    req,
  })
  return totalDocs
}
