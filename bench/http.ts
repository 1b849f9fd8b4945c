const REQUEST_TIMEOUT_MS = 60_000

export type Timed = { ms: number; status: number; bytes: number; body: string; headers: Headers }

/** Bodies up to this size are kept as text; larger ones (the export at 1M rows) only counted. */
const KEPT_BODY_BYTES = 16 * 1024 * 1024

/** One request, timed from sending to the last byte of the answer. */
export async function timedFetch(
  url: string,
  init: RequestInit = {},
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<Timed> {
  const started = performance.now()
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
  const kept: Buffer[] = []
  let bytes = 0
  const reader = res.body?.getReader()
  for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
    bytes += part.value.byteLength
    if (bytes <= KEPT_BODY_BYTES) kept.push(Buffer.from(part.value))
  }
  return {
    ms: performance.now() - started,
    status: res.status,
    bytes,
    body: bytes <= KEPT_BODY_BYTES ? Buffer.concat(kept).toString('utf8') : '',
    headers: res.headers,
  }
}

/**
 * The body exactly as sent on the wire (fetch would decompress it): for the compressed bytes a
 * shared cache serves, to hand nginx the same ones.
 */
export async function wireBytes(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; encoding: string | null; body: Buffer }> {
  const { request } = await import('node:http')
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: (res.headers['content-encoding'] as string | undefined) ?? null,
          body: Buffer.concat(chunks),
        }),
      )
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer`)))
    req.on('error', reject)
    req.end()
  })
}

/** The Express page cache passes requests with a session cookie on to Next; this is no session. */
export const BYPASS_PAGE_CACHE = { cookie: 'payload-token=not-a-session' }

export const jwt = (token: string) => ({ authorization: `JWT ${token}` })

/** Signs a staff account in over REST; the token goes in `Authorization: JWT <token>`. */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await timedFetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const token = res.status === 200 ? (JSON.parse(res.body) as { token?: string }).token : undefined
  if (!token) throw new Error(`Login as ${email} answered ${res.status}: ${res.body.slice(0, 300)}`)
  return token
}

/** A JSON request that must succeed; returns the parsed answer. */
export async function jsonRequest<T>(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<T> {
  const res = await timedFetch(url, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  if (res.status >= 400) {
    throw new Error(
      `${init.method ?? 'GET'} ${url} answered ${res.status}: ${res.body.slice(0, 300)}`,
    )
  }
  return JSON.parse(res.body) as T
}
