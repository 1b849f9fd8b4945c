import type { RequestHandler, Response } from 'express'

import type { PageStore } from '@/runtime/pageStore'

/** The public pages: the same for every anonymous reader. */
const PUBLIC_PAGE =
  /^\/(?:$|archive\/?$|posts\/[^/]+\/?$|authors\/[^/]+\/?$|categories\/[^/]+\/?$|feed\.xml$|feed\.atom$|sitemap\.xml$|robots\.txt$)/

/** Requests that may differ per visitor or per client-side navigation are never cached. */
function cacheable(req: Parameters<RequestHandler>[0]): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  if (!PUBLIC_PAGE.test(req.path)) return false
  if (/(?:^|;\s*)payload-token=/.test(req.headers.cookie ?? '')) return false
  if ('_rsc' in req.query) return false
  return !['rsc', 'next-action', 'next-router-state-tree', 'next-router-prefetch'].some(
    (name) => name in req.headers,
  )
}

function capture(res: Response, done: (body: Buffer) => void) {
  const chunks: Buffer[] = []
  const write = res.write.bind(res)
  const end = res.end.bind(res)
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk == null || typeof chunk === 'function') return
    chunks.push(
      Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(
            chunk as string,
            (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding,
          ),
    )
  }
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    keep(chunk, encoding)
    return write(chunk as never, encoding as never, cb as never)
  }) as Response['write']
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    keep(chunk, encoding)
    done(Buffer.concat(chunks))
    return end(chunk as never, encoding as never, cb as never)
  }) as Response['end']
}

export type PageCacheOptions = {
  store: PageStore
  /** The content cache's generation: a page stored under an older one is rendered again. */
  generation: () => number
  maxAgeMs?: number
}

/**
 * Public pages are rendered once and served from the runtime's page store until content changes:
 * every write that readers can see invalidates the content cache (collection hooks, on every
 * path), which moves its generation on, and a page stored under an older generation is rendered
 * again. A short lifetime bounds what only the clock changes (auto-closing threads). Signed-in
 * staff, Next's client-side navigation requests and form posts always reach Next.
 */
export function pageCache({
  store,
  generation,
  maxAgeMs = 60_000,
}: PageCacheOptions): RequestHandler {
  return (req, res, next) => {
    if (!cacheable(req)) return next()
    // Next compresses by Accept-Encoding.
    const key = [req.headers['accept-encoding'], req.originalUrl].join(' ')
    const found = store.get(key)
    if (found && found.generation === generation() && Date.now() - found.storedAt < maxAgeMs) {
      res.status(found.status).set(found.headers).set('X-Page-Cache', 'hit')
      res.end(req.method === 'HEAD' ? undefined : found.body)
      return
    }
    if (found) store.delete(key)
    const renderedFrom = generation()
    res.set('X-Page-Cache', 'miss')
    capture(res, (body) => {
      const status = res.statusCode
      if (status !== 200 || res.getHeader('set-cookie')) return
      if (req.method === 'HEAD' || renderedFrom !== generation()) return
      const headers = Object.fromEntries(
        Object.entries(res.getHeaders())
          .filter(([name]) => !['x-page-cache', 'date', 'connection'].includes(name))
          .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)]),
      )
      store.set(key, { status, headers, body, generation: renderedFrom, storedAt: Date.now() })
    })
    next()
  }
}
