import type { Endpoint, PayloadRequest } from 'payload'

import { errorResponse } from '@/api/errorResponse'
import { readJsonObject } from '@/api/readJsonObject'
import { RequestRefused } from '@/api/requestRefused'
import { requireRole } from '@/api/requireRole'
import { rangeAround } from '@/comments/blocks/blockValues'
import type { Comment } from '@/payload-types'

const REASON_MAX = 500
const FIELDS = ['comment', 'kind', 'reason', 'until']

type BlockRequest = {
  comment: number | string
  kind: 'email' | 'ip' | 'range'
  reason: string
  until: string | null
}

function readBlockRequest(body: Record<string, unknown>): BlockRequest {
  const other = Object.keys(body).find((key) => !FIELDS.includes(key))
  if (other) throw new RequestRefused(`Unknown field: ${other}`, 400)
  const { comment, kind, reason, until } = body
  if (typeof comment !== 'number' && typeof comment !== 'string') {
    throw new RequestRefused('comment must be the id of the comment whose author to block', 400)
  }
  if (kind !== 'email' && kind !== 'ip' && kind !== 'range') {
    throw new RequestRefused('kind must be "email", "ip" or "range"', 400)
  }
  if (typeof reason !== 'string' || !reason.trim() || reason.length > REASON_MAX) {
    throw new RequestRefused(`Give a reason for the block (at most ${REASON_MAX} characters)`, 400)
  }
  if (until != null && (typeof until !== 'string' || Number.isNaN(Date.parse(until)))) {
    throw new RequestRefused('until must be a date, such as 2026-12-31', 400)
  }
  if (typeof until === 'string' && Date.parse(until) <= Date.now()) {
    throw new RequestRefused('until must be in the future', 400)
  }
  return {
    comment,
    kind,
    reason: reason.trim(),
    until: typeof until === 'string' ? new Date(until).toISOString() : null,
  }
}

/** What the block matches, taken from the comment: its email, its address, or the range around it. */
function blockedValue(comment: Comment, kind: BlockRequest['kind']): string {
  const value =
    kind === 'email'
      ? comment.authorEmail
      : kind === 'ip'
        ? comment.ip
        : comment.ip
          ? rangeAround(comment.ip)
          : null
  if (!value) {
    const missing = kind === 'email' ? 'an email address' : 'a usable IP address'
    throw new RequestRefused(`Comment #${comment.id} has no ${missing} to block`, 400)
  }
  return value
}

async function findComment(req: PayloadRequest, id: number | string): Promise<Comment> {
  const comment = await req.payload
    .findByID({ collection: 'comments', id, depth: 0, overrideAccess: true, disableErrors: true })
    .catch(() => null)
  if (!comment) throw new RequestRefused(`Comment ${id} was not found`, 404)
  return comment
}

/**
 * POST /api/commenter-blocks/from-comment  { comment, kind: "email" | "ip" | "range", reason,
 * until? }  The moderation queue's "Block commenter": blocks the comment's email address, IP
 * address or the range around it (/24, or /64 for IPv6). Answers 201 `{ doc }` with the block;
 * the block's create hooks check the value, stamp who blocked and write the audit entry.
 */
export const blockFromComment: Endpoint = {
  path: '/from-comment',
  method: 'post',
  handler: async (req) => {
    try {
      requireRole(req, ['moderator', 'admin'], 'block commenters')
      const request = readBlockRequest(await readJsonObject(req))
      const comment = await findComment(req, request.comment)
      const doc = await req.payload.create({
        collection: 'commenter-blocks',
        data: {
          kind: request.kind,
          value: blockedValue(comment, request.kind),
          reason: request.reason,
          until: request.until,
          fromComment: comment.id,
        },
        req,
        user: req.user,
        // fromComment is set by the server; the rest passes the collection's own checks.
        overrideAccess: true,
        depth: 0,
      })
      return Response.json({ doc }, { status: 201 })
    } catch (error) {
      return errorResponse(error)
    }
  },
}
