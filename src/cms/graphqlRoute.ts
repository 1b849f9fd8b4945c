import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

import { refuseGraphqlRequest, withoutSuggestions } from './graphqlLimits'

const refusalResponse = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * Payload's GraphQL route behind a check of the request (src/cms/graphqlLimits.ts): a body that
 * is not a JSON query, a fragment cycle or a document asking for too much is a 400 with a message
 * before Payload parses anything; answers lose graphql-js's "Did you mean" name suggestions.
 */
export function graphqlPost(config: Promise<SanitizedConfig>) {
  const payloadPost = GRAPHQL_POST(config)
  return async (request: Request): Promise<Response> => {
    const type = request.headers.get('content-type') ?? ''
    if (!/^application\/json\b/i.test(type)) {
      return refusalResponse(415, 'Send GraphQL requests as JSON (Content-Type: application/json).')
    }
    const body = await request.clone().text()
    const refusal = refuseGraphqlRequest(body)
    if (refusal) return refusalResponse(400, refusal)

    const response = await payloadPost(request)
    const text = await response.text()
    return new Response(withoutSuggestions(text), {
      status: response.status,
      headers: response.headers,
    })
  }
}
