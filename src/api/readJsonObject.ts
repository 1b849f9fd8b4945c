import { addDataAndFileToRequest, APIError, type PayloadRequest } from 'payload'

/** The request's JSON body as an object; 400 with `message` for anything else. */
export async function readJsonObject(
  req: PayloadRequest,
  message = 'Send a JSON object.',
): Promise<Record<string, unknown>> {
  try {
    await addDataAndFileToRequest(req)
  } catch {
    throw new APIError(message, 400, undefined, true)
  }
  const body = req.data
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new APIError(message, 400, undefined, true)
  }
  return body
}
