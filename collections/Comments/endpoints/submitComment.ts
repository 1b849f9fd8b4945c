import { addDataAndFileToRequest, type Endpoint } from 'payload'

import { hasRole, staffUser } from '@/access/roles'
import { badRequest, commentErrorResponse } from '@/comments/errorResponse'
import { COMMENT_MESSAGES } from '@/comments/messages'

import { HONEYPOT_FIELD } from '../hooks/assignModerationStatus'

/** What a reader may send; anything else in the body is ignored. */
export const SUBMISSION_FIELDS = [
  'post',
  'parent',
  'authorName',
  'authorEmail',
  'authorUrl',
  'body',
  HONEYPOT_FIELD,
] as const

/**
 * POST /api/comments  { post, parent?, authorName, authorEmail, authorUrl?, body }
 * Replaces Payload's create route for comments. The rules live in the collection's hooks, so
 * GraphQL, the HTML form and the Local API apply the same ones; this endpoint adds the documented
 * answers: 201 `{ id, status, message }`, or `{ errors: [...] }` (see commentErrorResponse).
 */
export const submitComment: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    try {
      await addDataAndFileToRequest(req)
    } catch {
      return badRequest('Send the comment as a JSON object.')
    }
    const input = req.data
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      return badRequest('Send the comment as a JSON object.')
    }
    const staff = staffUser(req)
    // Staff using the admin's own create form send every field; field access filters them.
    const data = staff
      ? { ...input }
      : Object.fromEntries(
          SUBMISSION_FIELDS.filter((key) => key in input).map((k) => [k, input[k]]),
        )
    delete data.id
    try {
      const doc = await req.payload.create({
        collection: 'comments',
        data: data as never,
        req,
        overrideAccess: false,
        depth: 0,
      })
      const status = doc.status === 'approved' ? 'approved' : 'pending'
      const message =
        status === 'approved' ? COMMENT_MESSAGES.published : COMMENT_MESSAGES.awaitingModeration
      return Response.json(
        hasRole(staff, 'admin', 'moderator', 'editor', 'author')
          ? { id: doc.id, status, message, doc }
          : { id: doc.id, status, message },
        { status: 201 },
      )
    } catch (error) {
      return commentErrorResponse(error)
    }
  },
}
