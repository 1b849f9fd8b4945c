import type http from 'node:http'

import type { NextHandler } from '@/server/app'

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/**
 * Stands in for Next behind the Express app: passes /api requests to Payload's real REST route
 * handlers and GraphQL route (the ones Next mounts) and writes their answers back, so requests that get past the
 * Express layer are handled exactly as in production. Anything else is a 404.
 */
export async function createPayloadHandle(): Promise<NextHandler> {
  const { default: config } = await import('@payload-config')
  const routes = await import('@payloadcms/next/routes')
  const { graphqlPost } = await import('@/cms/graphqlRoute')
  const graphql = graphqlPost(config)
  const rest: Record<Method, ReturnType<typeof routes.REST_GET>> = {
    GET: routes.REST_GET(config),
    POST: routes.REST_POST(config),
    PATCH: routes.REST_PATCH(config),
    PUT: routes.REST_PUT(config),
    DELETE: routes.REST_DELETE(config),
  }

  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost:3000')
    const handler = rest[req.method as Method]
    if (!url.pathname.startsWith('/api/') || !handler) {
      res.statusCode = 404
      res.end()
      return
    }
    const request = await fetchRequestOf(req, url)
    if (url.pathname === '/api/graphql' && req.method === 'POST') {
      await writeResponse(res, await graphql(request))
      return
    }
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .map(decodeURIComponent)
    await writeResponse(res, await handler(request, { params: Promise.resolve({ slug }) }))
  }
}

/** The Node request as a fetch Request, its body read whole. */
export async function fetchRequestOf(req: http.IncomingMessage, url: URL): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      headers.append(name, one)
    }
  }
  return new Request(url, {
    method: req.method,
    headers,
    body: req.method === 'GET' || chunks.length === 0 ? undefined : Buffer.concat(chunks),
  })
}

export async function writeResponse(res: http.ServerResponse, response: Response) {
  res.statusCode = response.status
  response.headers.forEach((value, name) => res.setHeader(name, value))
  res.end(Buffer.from(await response.arrayBuffer()))
}
