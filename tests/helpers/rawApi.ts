/** A REST answer whose body is kept as text, byte order mark included (CSV downloads). */
export type RawResponse = { status: number; text: string; headers: Headers }

/**
 * GET through Payload's REST route handler in-process, like createApiClient, without parsing the
 * body as JSON.
 */
export async function createRawGet() {
  const { default: config } = await import('@payload-config')
  const { REST_GET } = await import('@payloadcms/next/routes')
  const get = REST_GET(config)
  return async function rawGet(path: string, { token }: { token?: string } = {}) {
    const url = new URL(`/api${path}`, 'http://localhost:3000')
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .map(decodeURIComponent)
    const response = await get(
      new Request(url, { headers: token ? { authorization: `JWT ${token}` } : {} }),
      { params: Promise.resolve({ slug }) },
    )
    // Response.text() would drop a leading byte order mark; keep the body exactly as sent.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
    return { status: response.status, text, headers: response.headers }
  }
}

/** GET through Payload's REST route handler in-process, answering the Response to read as it streams. */
export async function createStreamingGet() {
  const { default: config } = await import('@payload-config')
  const { REST_GET } = await import('@payloadcms/next/routes')
  const get = REST_GET(config)
  return (path: string, { token }: { token?: string } = {}): Promise<Response> => {
    const url = new URL(`/api${path}`, 'http://localhost:3000')
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .map(decodeURIComponent)
    return get(new Request(url, { headers: token ? { authorization: `JWT ${token}` } : {} }), {
      params: Promise.resolve({ slug }),
    })
  }
}
