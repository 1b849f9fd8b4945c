import type http from 'node:http'

/** The front's error answer, in the shape of every API error: `{ errors: [{ message }] }`. */
export function sendError(res: http.ServerResponse, status: number, message: string): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(JSON.stringify({ errors: [{ message }] }))
}

/**
 * What to tell the client about an error Express raised before any handler ran, when it is the
 * client's fault (4xx); null for anything else.
 */
export function clientErrorMessage(error: unknown): { status: number; message: string } | null {
  const status = (error as { status?: unknown } | null)?.status
  if (typeof status !== 'number' || status < 400 || status >= 500) return null
  if (error instanceof URIError) {
    return { status, message: 'The address is not valid: it has broken percent-encoding.' }
  }
  return { status, message: 'The request is not valid.' }
}
