import {
  addDataAndFileToRequest,
  commitTransaction,
  initTransaction,
  killTransaction,
  type Endpoint,
} from 'payload'

import { badRequest, commentErrorResponse } from '@/comments/errorResponse'

import { refuseNonModerators } from './moderateComments'

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
    const refused = refuseNonModerators(req)
    if (refused) return refused
    try {
      await addDataAndFileToRequest(req)
    } catch {
      return badRequest('Send a JSON object.')
    }
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
