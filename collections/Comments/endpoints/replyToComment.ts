import { commitTransaction, initTransaction, killTransaction, type Endpoint } from 'payload'

import { errorResponse } from '@/api/errorResponse'
import { readJsonObject } from '@/api/readJsonObject'
import { requireRole } from '@/api/requireRole'
import { acceptSubmission } from '@/comments/submission/accept'
import { submitComment } from '@/comments/submission/submitComment'
import { submitterOf } from '@/comments/submission/submitter'
import { idOf } from '@/lib/idOf'
import { RequestRefused } from '@/api/requestRefused'

/**
 * POST /api/comments/:id/reply  { body }
 * A moderator's reply from the moderation queue, through the comment pipeline under their name
 * (approved at once, as staff comments are). Replying to a comment still in Pending approves it
 * first (both steps are on record, in one transaction), as WordPress does.
 */
export const replyToComment: Endpoint = {
  path: '/:id/reply',
  method: 'post',
  handler: async (req) => {
    try {
      const user = requireRole(req, ['moderator', 'admin'], 'moderate comments')
      const { body } = await readJsonObject(req)
      const parent = await req.payload
        .findByID({ collection: 'comments', id: String(req.routeParams?.id), depth: 0, req })
        .catch(() => null)
      if (!parent) throw new RequestRefused('Comment not found', 404)
      const reply = { post: idOf(parent.post), parent: parent.id, body }

      // One transaction: a reply that fails its rules leaves the parent as it was.
      const ownTransaction = await initTransaction(req)
      try {
        if (parent.status === 'pending') {
          // The reply's own rules first (thread, text): without transactions (SQLite) the
          // approval below could not be rolled back.
          await acceptSubmission(req, { ...reply, parent: null }, submitterOf(req))
          await req.payload.update({
            collection: 'comments',
            id: parent.id,
            data: { status: 'approved', statusReason: `Approved by ${user.email} when replying` },
            req,
            overrideAccess: false,
            depth: 0,
          })
        }
        const { comment } = await submitComment(req, reply)
        if (ownTransaction) await commitTransaction(req)
        return Response.json({ id: comment.id, status: comment.status }, { status: 201 })
      } catch (error) {
        await killTransaction(req)
        throw error
      }
    } catch (error) {
      return errorResponse(error)
    }
  },
}
