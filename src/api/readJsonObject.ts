import { addDataAndFileToRequest, type PayloadRequest } from 'payload'
import { RequestRefused } from '@/api/requestRefused'

/** Nesting no request of ours needs: deeper JSON is refused before anything walks it. */
export const MAX_JSON_DEPTH = 16

function depthOf(value: unknown): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (depth > deepest) deepest = depth
    if (deepest > MAX_JSON_DEPTH) break
    if (node && typeof node === 'object') {
      for (const child of Object.values(node)) stack.push([child, depth + 1])
    }
  }
  return deepest
}

/** The request's JSON body as an object; 400 with `message` for anything else. */
export async function readJsonObject(
  req: PayloadRequest,
  message = 'Send a JSON object.',
): Promise<Record<string, unknown>> {
  try {
    await addDataAndFileToRequest(req)
  } catch {
    throw new RequestRefused(message, 400)
  }
  const body = req.data
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new RequestRefused(message, 400)
  }
  if (depthOf(body) > MAX_JSON_DEPTH) {
    throw new RequestRefused(`The JSON is nested more than ${MAX_JSON_DEPTH} levels deep.`, 400)
  }
  return body
}
