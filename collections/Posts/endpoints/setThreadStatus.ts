import type { Endpoint, PayloadRequest } from 'payload'

import { RequestRefused } from '@/api/requestRefused'
import { requireRole } from '@/api/requireRole'
import { updateThreadFields } from '@/comments/updateThreadFields'

const REASON_MAX = 500
const MAX_IDS = 200

type ThreadRequest = { status: 'open' | 'closed'; reason: string | null }

const refuseOthers = (req: PayloadRequest) =>
  requireRole(req, ['moderator', 'editor', 'admin'], 'open or close comments')

/**
 * A field this endpoint does not set (a post's title, say) is refused by name rather than
 * ignored: the caller would otherwise believe it had been saved.
 */
function refuseOtherFields(body: Record<string, unknown> | null, allowed: string[]) {
  const other = Object.keys(body ?? {}).find((key) => !allowed.includes(key))
  if (other) {
    throw new RequestRefused(
      `Only the thread's status and reason can be set here (field: ${other})`,
      403,
    )
  }
}

function readThreadRequest(
  body: Record<string, unknown> | null,
  errors: { path: string; message: string }[],
): ThreadRequest {
  const status = body?.status
  const reason = body?.reason
  if (status !== 'open' && status !== 'closed') {
    errors.push({ path: 'status', message: 'status must be "open" or "closed"' })
  }
  if (reason != null && (typeof reason !== 'string' || reason.length > REASON_MAX)) {
    errors.push({
      path: 'reason',
      message: `reason must be text of at most ${REASON_MAX} characters`,
    })
  }
  return {
    status: status === 'closed' ? 'closed' : 'open',
    reason: typeof reason === 'string' && reason.trim() ? reason.trim() : null,
  }
}

async function applyThreadStatus(req: PayloadRequest, id: number | string, change: ThreadRequest) {
  const post = await req.payload
    .findByID({ collection: 'posts', id, depth: 0, disableErrors: true, req })
    .catch(() => null)
  if (!post) return null
  const closing = change.status === 'closed'
  const updated = await updateThreadFields(
    req,
    post.id,
    {
      commentStatus: change.status,
      commentsClosedBy: closing ? req.user!.id : null,
      commentsClosedAt: closing ? new Date().toISOString() : null,
      commentsClosedReason: closing ? change.reason : null,
    },
    change.reason,
  )
  return {
    id: updated.id,
    commentStatus: updated.commentStatus,
    commentsClosedAt: updated.commentsClosedAt ?? null,
    commentsClosedBy: updated.commentsClosedBy ?? null,
    commentsClosedReason: updated.commentsClosedReason ?? null,
  }
}

/**
 * POST /api/posts/:id/thread  { status: "open" | "closed", reason?: string }
 * Opens or closes a post's comments. Moderators may do this and nothing else to a post, so it
 * is its own endpoint rather than a general post update.
 */
export const setThreadStatus: Endpoint = {
  path: '/:id/thread',
  method: 'post',
  handler: async (req) => {
    refuseOthers(req)
    const errors: { path: string; message: string }[] = []
    const body = await req.json?.().catch(() => null)
    refuseOtherFields(body, ['status', 'reason'])
    const change = readThreadRequest(body, errors)
    if (errors.length) return Response.json({ errors }, { status: 400 })
    const result = await applyThreadStatus(req, req.routeParams?.id as string, change)
    if (!result) return Response.json({ errors: [{ message: 'Post not found' }] }, { status: 404 })
    return Response.json(result)
  },
}

/**
 * POST /api/posts/thread  { ids: [...], status, reason? }: the same for a selection of posts,
 * from the posts list.
 */
export const setThreadStatusBulk: Endpoint = {
  path: '/thread',
  method: 'post',
  handler: async (req) => {
    refuseOthers(req)
    const errors: { path: string; message: string }[] = []
    const body = await req.json?.().catch(() => null)
    refuseOtherFields(body, ['ids', 'status', 'reason'])
    const change = readThreadRequest(body, errors)
    const ids = body?.ids
    if (
      !Array.isArray(ids) ||
      ids.length === 0 ||
      ids.length > MAX_IDS ||
      !ids.every((id) => typeof id === 'string' || typeof id === 'number')
    ) {
      errors.push({ path: 'ids', message: `ids must be a list of 1 to ${MAX_IDS} post ids` })
    }
    if (errors.length) return Response.json({ errors }, { status: 400 })
    const results = []
    const missing = []
    for (const id of ids as (number | string)[]) {
      const result = await applyThreadStatus(req, id, change)
      if (result) results.push(result)
      else missing.push({ id, message: 'Post not found' })
    }
    return Response.json({ results, errors: missing })
  },
}
