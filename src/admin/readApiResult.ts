export type ApiResult<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; message: string; body: unknown }

/**
 * Reads a JSON answer of our REST endpoints. Failures carry the endpoints' `{ errors: [{ message
 * }] }` messages joined into one sentence, or a generic one when the answer is not that shape.
 */
export async function readApiResult<T>(response: Response): Promise<ApiResult<T>> {
  const body = (await response.json().catch(() => null)) as unknown
  if (response.ok) return { ok: true, status: response.status, body: body as T }
  const errors = (body as { errors?: { message?: string }[] } | null)?.errors
  const messages = (errors ?? []).map((error) => error.message).filter(Boolean)
  return {
    ok: false,
    status: response.status,
    body,
    message: messages.length
      ? messages.join(' ')
      : `The server refused the request (HTTP ${response.status}).`,
  }
}

/** POSTs JSON with the admin's session cookie and reads the answer. */
export async function postJson<T>(url: string, data: unknown): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(data),
    })
    return await readApiResult<T>(response)
  } catch {
    return {
      ok: false,
      status: 0,
      body: null,
      message: 'The server could not be reached. Check your connection.',
    }
  }
}
