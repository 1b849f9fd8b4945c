import { APIError, ValidationError } from 'payload'

export type ErrorBody = { errors: { path?: string; message: string }[] }

/**
 * The documented error answer of the comment endpoints: 400 `{ errors: [{ path, message }] }` for
 * bad fields, `{ errors: [{ message }] }` with the rule's status otherwise (403 closed, 409
 * duplicate, 429 with Retry-After). Anything unexpected is rethrown for Payload's 500 handler.
 */
export function commentErrorResponse(error: unknown): Response {
  if (error instanceof ValidationError) {
    const fieldErrors = (error.data as { errors?: { path: string; message: string }[] })?.errors
    const errors = (fieldErrors ?? []).map(({ path, message }) => ({ path, message }))
    return Response.json({ errors } satisfies ErrorBody, { status: 400 })
  }
  if (error instanceof APIError && error.status >= 400 && error.status < 500) {
    const headers = new Headers()
    const retryAfter = (error.data as { retryAfter?: number } | undefined)?.retryAfter
    if (error.status === 429 && retryAfter) headers.set('Retry-After', String(retryAfter))
    return Response.json({ errors: [{ message: error.message }] } satisfies ErrorBody, {
      status: error.status,
      headers,
    })
  }
  throw error
}

export function badRequest(message: string, path?: string): Response {
  return Response.json({ errors: [path ? { path, message } : { message }] } satisfies ErrorBody, {
    status: 400,
  })
}
