import type { Payload } from 'payload'

import type { DEMO_ACCOUNTS } from '@/seed/demoAccounts'

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
type RouteHandler = (
  request: Request,
  args: { params: Promise<{ slug: string[] }> },
) => Promise<Response>

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers }

const BASE = 'http://localhost:3000'

/**
 * Calls Payload's REST and GraphQL route handlers (the ones Next mounts at /api) in-process with
 * real Request objects: the same code path as HTTP, without a network server.
 */
export async function createApiClient() {
  const { default: config } = await import('@payload-config')
  const routes = await import('@payloadcms/next/routes')
  const rest: Record<Method, RouteHandler> = {
    GET: routes.REST_GET(config),
    POST: routes.REST_POST(config),
    PATCH: routes.REST_PATCH(config),
    PUT: routes.REST_PUT(config),
    DELETE: routes.REST_DELETE(config),
  }
  // The GraphQL route as the site mounts it: Payload's, behind our request limits.
  const { graphqlPost: limitedGraphqlPost } = await import('@/cms/graphqlRoute')
  const graphqlPost = limitedGraphqlPost(config)

  async function call<T>(
    method: Method,
    path: string,
    {
      token,
      json,
      headers,
    }: { token?: string; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const url = new URL(`/api${path}`, BASE)
    const init: RequestInit = {
      method,
      headers: {
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      body: json !== undefined ? JSON.stringify(json) : undefined,
    }
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .map(decodeURIComponent)
    const response = await rest[method](new Request(url, init), {
      params: Promise.resolve({ slug }),
    })
    const text = await response.text()
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      headers: response.headers,
    }
  }

  async function graphql<T = any>(
    query: string,
    {
      token,
      variables,
      headers,
    }: {
      token?: string
      variables?: Record<string, unknown>
      headers?: Record<string, string>
    } = {},
  ): Promise<ApiResponse<{ data?: T; errors?: { message: string }[] }>> {
    const response = await graphqlPost(
      new Request(new URL('/api/graphql', BASE), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `JWT ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      }),
    )
    return { status: response.status, body: await response.json(), headers: response.headers }
  }

  return { call, graphql }
}

export type ApiClient = Awaited<ReturnType<typeof createApiClient>>

/** A JWT for a staff account, for the Authorization header. */
export async function tokenFor(
  payload: Payload,
  email: (typeof DEMO_ACCOUNTS)[number]['email'] | string,
  password: string,
) {
  const { token } = await payload.login({ collection: 'users', data: { email, password } })
  if (!token) throw new Error(`no token for ${email}`)
  return token
}
