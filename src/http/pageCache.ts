import type { RequestHandler, Response } from 'express'

import { contentCache } from '@/cache/contentCache'

type Entry = {
  status: number
  headers: Record<string, string | string[]>
  body: Buffer
  generation: number
  storedAt: number
}

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

/**
 * Public pages are rendered once and served from memory until content changes: every write that
 * readers can see invalidates the content cache (collection hooks, on every path), which moves
 * its generation on, and a page stored under an older generation is rendered again. A short
 * lifetime bounds what only the clock changes (auto-closing threads). Signed-in staff, Next's
 * client-side navigation requests and form posts always reach Next.
 */
export function pageCache({
  maxEntries = 500,
  maxAgeMs = 60_000,
}: { maxEntries?: number; maxAgeMs?: number } = {}): RequestHandler {
  const entries = new Map<string, Entry>()
  return (req, res, next) => {
    if (!cacheable(req)) return next()
    // Next compresses by Accept-Encoding, and absolute URLs follow the host and scheme the client
    // used when SERVER_URL is unset (as clientHeaders hands them on).
    const key = [req.protocol, req.host, req.headers['accept-encoding'], req.originalUrl].join(' ')
    const found = entries.get(key)
    if (
      found &&
      found.generation === contentCache.generation &&
      Date.now() - found.storedAt < maxAgeMs
    ) {
      res.status(found.status).set(found.headers).set('X-Page-Cache', 'hit')
      res.end(req.method === 'HEAD' ? undefined : found.body)
      return
    }
    entries.delete(key)
    const generation = contentCache.generation
    res.set('X-Page-Cache', 'miss')
    capture(res, (body) => {
      const status = res.statusCode
      if (status !== 200 || res.getHeader('set-cookie')) return
      if (req.method === 'HEAD' || generation !== contentCache.generation) return
      const headers = Object.fromEntries(
        Object.entries(res.getHeaders())
          .filter(([name]) => !['x-page-cache', 'date', 'connection'].includes(name))
          .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)]),
      )
      entries.set(key, { status, headers, body, generation, storedAt: Date.now() })
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
    })
    next()
  }
}
