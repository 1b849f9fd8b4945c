import { APIError, type Endpoint } from 'payload'

import { hasRole } from '@/access/roles'
import { updateThreadFields } from '@/posts/updateThreadFields'

const REASON_MAX = 500

/**
 * POST /api/posts/:id/thread  { status: "open" | "closed", reason?: string }
 * Opens or closes a post's comments. Moderators may do this and nothing else to a post, so it
 * is its own endpoint rather than a general post update.
 */
export const setThreadStatus: Endpoint = {
  path: '/:id/thread',
  method: 'post',
  handler: async (req) => {
    const { user, payload } = req
    if (!user)
      throw new APIError('You must be signed in to open or close comments', 401, undefined, true)
    if (!hasRole(user, 'admin', 'editor', 'moderator')) {
      throw new APIError(
        'Only moderators, editors and admins can open or close comments',
        403,
        undefined,
        true,
      )
    }
    const body = (await req.json?.().catch(() => null)) as Record<string, unknown> | null
    const status = body?.status
    const reason = body?.reason
    const errors: { path: string; message: string }[] = []
    if (status !== 'open' && status !== 'closed') {
      errors.push({ path: 'status', message: 'status must be "open" or "closed"' })
    }
    if (
      reason !== undefined &&
      reason !== null &&
      (typeof reason !== 'string' || reason.length > REASON_MAX)
    ) {
      errors.push({
        path: 'reason',
        message: `reason must be text of at most ${REASON_MAX} characters`,
      })
    }
    if (errors.length) return Response.json({ errors }, { status: 400 })

    const id = req.routeParams?.id as string
    const post = await payload
      .findByID({ collection: 'posts', id, depth: 0, disableErrors: true })
      .catch(() => null)
    if (!post) return Response.json({ errors: [{ message: 'Post not found' }] }, { status: 404 })

    const closing = status === 'closed'
    const updated = await updateThreadFields(payload, post.id, {
      commentStatus: closing ? 'closed' : 'open',
      commentsClosedBy: closing ? user.id : null,
      commentsClosedAt: closing ? new Date().toISOString() : null,
      commentsClosedReason:
        closing && typeof reason === 'string' && reason.trim() ? reason.trim() : null,
    })
    return Response.json({
      id: updated.id,
      commentStatus: updated.commentStatus,
      commentsClosedAt: updated.commentsClosedAt ?? null,
      commentsClosedBy: updated.commentsClosedBy ?? null,
      commentsClosedReason: updated.commentsClosedReason ?? null,
    })
  },
}
