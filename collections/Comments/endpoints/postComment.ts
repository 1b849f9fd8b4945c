import { parseCookies, type Endpoint } from 'payload'

import { hasRole } from '@/access/roles'
import { errorResponse } from '@/api/errorResponse'
import { readJsonObject } from '@/api/readJsonObject'
import { heldCookieHeader, HELD_COOKIE } from '@/comments/held/heldCommentsCookie'
import { rememberHeldComment } from '@/comments/held/rememberHeldComment'
import { COMMENT_MESSAGES } from '@/comments/rules/messages'
import { submitComment } from '@/comments/submission/submitComment'
import { SUBMISSION_FIELDS, type SubmissionInput } from '@/comments/submission/types'

/**
 * POST /api/comments  { post, parent?, authorName, authorEmail, authorUrl?, body }
 * Replaces Payload's create route for comments with the comment pipeline. Answers 201
 * `{ id, status, message }` (staff also get the comment as they may read it, which the admin's
 * create form expects), or `{ errors: [...] }` (src/api/errorResponse). A comment held for
 * moderation is added to the browser's held-comments cookie, so its author sees it on the post.
 */
export const postComment: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    try {
      const body = await readJsonObject(req, 'Send the comment as a JSON object.')
      const input: SubmissionInput = Object.fromEntries(
        SUBMISSION_FIELDS.filter((key) => key in body).map((key) => [key, body[key]]),
      )
      const { comment } = await submitComment(req, input)
      const status = comment.status === 'approved' ? 'approved' : 'pending'
      const message =
        status === 'approved' ? COMMENT_MESSAGES.published : COMMENT_MESSAGES.awaitingModeration
      const held = rememberHeldComment(
        req.payload,
        comment,
        parseCookies(req.headers).get(HELD_COOKIE),
      )
      const headers = held ? { 'Set-Cookie': heldCookieHeader(held.value, held.secure) } : undefined
      if (!hasRole(req.user, 'admin', 'moderator', 'editor', 'author')) {
        return Response.json({ id: comment.id, status, message }, { status: 201, headers })
      }
      const doc = await req.payload.findByID({
        collection: 'comments',
        id: comment.id,
        depth: 0,
        overrideAccess: false,
        req,
      })
      return Response.json({ id: comment.id, status, message, doc }, { status: 201, headers })
    } catch (error) {
      return errorResponse(error)
    }
  },
}
