import { APIError, ValidationError } from 'payload'

export type ErrorBody = { errors: { path?: string; message: string }[] }

/** A refusal the caller can act on: its status, body and (429) the seconds to wait. */
export type Refusal = { status: number; body: ErrorBody; retryAfter?: number }

/**
 * What an error thrown by the rules means for the caller: 400 `{ errors: [{ path, message }] }`
 * for bad fields, `{ errors: [{ message }] }` with the rule's status otherwise (401/403 roles,
 * 403 closed, 409 duplicate, 429 too fast). Null for anything else: not the caller's fault.
 */
export function refusalOf(error: unknown): Refusal | null {
  if (error instanceof ValidationError) {
    const fieldErrors = (error.data as { errors?: { path: string; message: string }[] })?.errors
    const errors = (fieldErrors ?? []).map(({ path, message }) => ({ path, message }))
    return { status: 400, body: { errors } }
  }
  if (error instanceof APIError && error.status >= 400 && error.status < 500) {
    const retryAfter = (error.data as { retryAfter?: number } | undefined)?.retryAfter
    return {
      status: error.status,
      body: { errors: [{ message: error.message }] },
      ...(error.status === 429 && retryAfter ? { retryAfter } : {}),
    }
  }
  return null
}

/**
 * The documented error answer of our endpoints (see refusalOf), with Retry-After on 429.
 * Anything unexpected is rethrown for Payload's 500 handler.
 */
export function errorResponse(error: unknown): Response {
  const refusal = refusalOf(error)
  if (!refusal) throw error
  const headers = new Headers()
  if (refusal.retryAfter) headers.set('Retry-After', String(refusal.retryAfter))
  return Response.json(refusal.body, { status: refusal.status, headers })
}

export function badRequest(message: string, path?: string): Response {
  return Response.json({ errors: [path ? { path, message } : { message }] } satisfies ErrorBody, {
    status: 400,
  })
}
