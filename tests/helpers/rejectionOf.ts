/**
 * Awaits a Local API call that must be refused and returns what it was refused with. Payload's
 * errors (Forbidden, NotFound, ValidationError, our APIError) carry the HTTP status they map to.
 */
export async function rejectionOf(
  call: Promise<unknown>,
): Promise<{ status: number | undefined; message: string; name: string; data?: unknown }> {
  try {
    await call
  } catch (error) {
    const { status, message, name, data } = error as {
      status?: number
      message: string
      name: string
      data?: unknown
    }
    return { status, message, name, data }
  }
  throw new Error('Expected the Local API call to be refused, but it succeeded')
}
