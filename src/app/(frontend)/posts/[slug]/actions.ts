'use server'

import { refresh } from 'next/cache'
import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { APIError, createLocalReq, ValidationError, type Payload } from 'payload'

import {
  FORM_FIELDS,
  type CommentFormState,
  type FormField,
} from '@/comments/rules/commentFormState'
import { HELD_COOKIE, heldCookieOptions } from '@/comments/held/heldCommentsCookie'
import { rememberHeldComment } from '@/comments/held/rememberHeldComment'
import { HONEYPOT_FIELD } from '@/comments/rules/honeypot'
import { COMMENT_MESSAGES } from '@/comments/rules/messages'
import { submitComment } from '@/comments/submission/submitComment'
import { isDatabaseUnavailable } from '@/db/databaseUnavailable'
import { resetSqliteConnection } from '@/db/resetSqliteConnection'
import { getPayloadClient } from '@/data/getPayloadClient'
import type { Comment } from '@/payload-types'

const formText = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}

/** A refused submission as the form shows it: messages next to fields, the text kept. */
function refusal(
  error: unknown,
  values: Record<FormField, string>,
  payload: Payload,
  attempt: number,
): CommentFormState {
  if (error instanceof ValidationError) {
    const fieldErrors: CommentFormState['fieldErrors'] = {}
    let message: string | undefined
    for (const { path, message: fieldMessage } of error.data.errors) {
      if ((FORM_FIELDS as readonly string[]).includes(path)) {
        fieldErrors[path as FormField] ??= fieldMessage
      } else {
        message ??= fieldMessage
      }
    }
    return { outcome: 'refused', attempt, message, fieldErrors, values }
  }
  if (error instanceof APIError && error.status >= 400 && error.status < 500) {
    return { outcome: 'refused', attempt, message: error.message, fieldErrors: {}, values }
  }
  // Not the reader's fault: say so, keep their text, and log the cause.
  payload.logger.error({ err: error }, 'comment form submission failed')
  return {
    outcome: 'refused',
    attempt,
    message: 'Something went wrong on our side and your comment was not saved. Please try again.',
    fieldErrors: {},
    values,
  }
}

/**
 * The comment form's action: the comment pipeline, as for POST /api/comments, with the reader's
 * address and browser taken from this request. Without
 * JavaScript the browser posts the form and is redirected back to the post with the outcome in
 * the URL; with JavaScript the outcome is returned to the form, which stays on the page. Either
 * way a held comment is added to the browser's held-comments cookie and shown in the thread.
 */
export async function submitCommentAction(
  previous: CommentFormState,
  formData: FormData,
): Promise<CommentFormState> {
  const attempt = previous.attempt + 1
  const values = Object.fromEntries(
    FORM_FIELDS.map((name) => [name, formText(formData, name)]),
  ) as Record<FormField, string>
  const slug = formText(formData, 'slug')
  const payload = await getPayloadClient()
  const requestHeaders = new Headers(await headers())
  const { user } = await payload.auth({ headers: requestHeaders })
  const req = await createLocalReq(
    { user: user ?? undefined, req: { headers: requestHeaders } },
    payload,
  )
  let doc: Comment
  try {
    // Ids arrive as form text; the pipeline checks and converts them, as for the JSON API.
    const submitted = await submitComment(req, {
      post: formText(formData, 'post'),
      parent: formText(formData, 'parent') || null,
      authorName: values.authorName,
      authorEmail: values.authorEmail,
      authorUrl: values.authorUrl || null,
      body: values.body,
      [HONEYPOT_FIELD]: formText(formData, HONEYPOT_FIELD) || null,
    })
    doc = submitted.comment
  } catch (error) {
    // A lock timeout on SQLite can leave its connection unable to commit: replace it.
    if (isDatabaseUnavailable(error)) await resetSqliteConnection(payload)
    return refusal(error, values, payload, attempt)
  }
  const status = doc.status === 'approved' ? 'approved' : 'pending'
  // A held comment is shown to this browser in the thread (src/comments/held).
  const jar = await cookies()
  const held = rememberHeldComment(payload, doc, jar.get(HELD_COOKIE)?.value)
  if (held) jar.set(held.name, held.value, heldCookieOptions(held.secure))
  if (formData.get('js') !== '1') {
    const outcome = status === 'approved' ? `approved&comment=${doc.id}` : 'pending'
    redirect(`/posts/${encodeURIComponent(slug)}?submitted=${outcome}#comment-status`)
  }
  // The thread again: with the new comment, or with this browser's held one.
  refresh()
  return {
    outcome: 'submitted',
    attempt,
    status,
    commentId: doc.id,
    message:
      status === 'approved' ? COMMENT_MESSAGES.published : COMMENT_MESSAGES.awaitingModeration,
    fieldErrors: {},
    values: {},
  }
}
