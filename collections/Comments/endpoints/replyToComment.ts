import {
  APIError,
  commitTransaction,
  initTransaction,
  killTransaction,
  ValidationError,
  type Endpoint,
  type PayloadRequest,
} from 'payload'

import { commentErrorResponse } from '@/comments/errorResponse'
import { COMMENT_MESSAGES } from '@/comments/messages'
import { threadClosure } from '@/comments/threadClosure'
import { validateSubmission } from '@/comments/validateSubmission'
import type { Comment, User } from '@/payload-types'

import { acceptModeratorJson } from './moderateComments'

/**
 * The reply's own rules that a moderator can break (a closed thread, a blank or too long text),
 * checked before the parent is approved: on a database without transactions (SQLite) that
 * approval could not be rolled back. Same errors, same order as the collection's rules.
 */
async function refuseInvalidReply(req: PayloadRequest, parent: Comment, body: unknown) {
  const postId = typeof parent.post === 'object' ? parent.post.id : parent.post
  const post = await req.payload
    .findByID({ collection: 'posts', id: postId, depth: 0, draft: false, req, disableErrors: true })
    .catch(() => null)
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  if (post && threadClosure(post, settings)) {
    throw new APIError(COMMENT_MESSAGES.closed, 403, undefined, true)
  }
  const user = req.user as User
  const { errors } = validateSubmission({ authorName: user.name, authorEmail: user.email, body })
  if (errors.length) throw new ValidationError({ collection: 'comments', errors })
}

/**
 * POST /api/comments/:id/reply  { body }
 * A moderator's reply from the moderation queue, published at once under their name. Replying to
 * a comment still in Pending approves it first (both steps are on record, in one transaction),
 * as WordPress does.
 */
export const replyToComment: Endpoint = {
  path: '/:id/reply',
  method: 'post',
  handler: async (req) => {
    const refused = await acceptModeratorJson(req)
    if (refused) return refused
    const body = (req.data as { body?: unknown } | undefined)?.body
    const id = req.routeParams?.id as string
    const parent = await req.payload
      .findByID({ collection: 'comments', id, depth: 0, req, disableErrors: true })
      .catch(() => null)
    if (!parent) {
      return Response.json({ errors: [{ message: 'Comment not found' }] }, { status: 404 })
    }
    // One transaction: a reply that fails its rules leaves the parent as it was.
    const ownTransaction = await initTransaction(req)
    try {
      if (parent.status === 'pending') {
        await refuseInvalidReply(req, parent, body)
        await req.payload.update({
          collection: 'comments',
          id: parent.id,
          data: { status: 'approved' },
          req,
          overrideAccess: false,
          depth: 0,
          context: { statusReason: `Approved by ${req.user!.email} when replying` },
        })
      }
      const reply = await req.payload.create({
        collection: 'comments',
        data: {
          post: typeof parent.post === 'object' ? parent.post.id : parent.post,
          parent: parent.id,
          body: body as string,
        } as never,
        req,
        overrideAccess: false,
        depth: 0,
      })
      if (ownTransaction) await commitTransaction(req)
      return Response.json({ id: reply.id, status: reply.status }, { status: 201 })
    } catch (error) {
      await killTransaction(req)
      return commentErrorResponse(error)
    }
  },
}
