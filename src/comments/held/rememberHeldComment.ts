import type { Payload } from 'payload'

import type { Comment } from '@/payload-types'

import { addHeldCommentId, HELD_COOKIE } from './heldCommentsCookie'

export type HeldCookie = { name: typeof HELD_COOKIE; value: string; secure: boolean }

/**
 * After a submission, for both ways in (POST /api/comments and the comment form): the browser's
 * held-comments cookie with this comment added, or null when it is published already. Every
 * answer that says "awaiting moderation" adds its id, spam caught by the honeypot or Akismet
 * included, so the answer tells a bot nothing; the post page shows only those still pending.
 */
export function rememberHeldComment(
  payload: Payload,
  comment: Pick<Comment, 'id' | 'status'>,
  current: string | null | undefined,
): HeldCookie | null {
  if (comment.status === 'approved') return null
  return {
    name: HELD_COOKIE,
    value: addHeldCommentId(current, comment.id, payload.secret),
    secure: (payload.config.serverURL ?? '').startsWith('https://'),
  }
}
