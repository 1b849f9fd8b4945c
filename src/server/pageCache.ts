import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { RequestHandler, Response } from 'express'

import { HELD_COOKIE } from '@/comments/held/heldCommentsCookie'
import type { PageStore } from '@/runtime/pageStore'

/** The public pages: the same for every anonymous reader. */
const PUBLIC_PAGE =
  /^\/(?:$|archive\/?$|posts\/[^/]+\/?$|authors\/[^/]+\/?$|categories\/[^/]+\/?$|feed\.xml$|feed\.atom$|sitemap\.xml$|robots\.txt$)/

/** A post page carrying a reader's held-comments cookie shows that reader's own held comments. */
const HELD_COOKIE_SENT = new RegExp(`(?:^|;\\s*)${HELD_COOKIE}=`)
const POST_PAGE = /^\/posts\//
/** A staff member's preview of a saved draft (src/app/(frontend)/preview). */
const PREVIEW_PAGE = /^\/preview(?:\/|$|\?)/

const isPreview = (req: IncomingMessage) => PREVIEW_PAGE.test(req.url ?? '')

/** A page rendered for one browser: kept by no cache, ours or any other. */
export function isPrivatePage(req: IncomingMessage): boolean {
  if (isPreview(req)) return true
  return POST_PAGE.test(req.url ?? '') && HELD_COOKIE_SENT.test(req.headers.cookie ?? '')
}

/**
 * Requests that may differ per visitor or per client-side navigation are never cached. Read off
 * the raw request, so that a stored page is answered before Express routes anything.
 */
function cacheable(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const url = req.url ?? ''
  const query = url.indexOf('?')
  if (!PUBLIC_PAGE.test(query === -1 ? url : url.slice(0, query))) return false
  if (/(?:^|;\s*)payload-token=/.test(req.headers.cookie ?? '')) return false
  if (isPrivatePage(req)) return false
  // Next's client navigation data, and the comment form's outcome (one reader's result page).
  if (query !== -1 && /[?&](?:_rsc|submitted)(?:=|&|$)/.test(url.slice(query))) return false
  return !['rsc', 'next-action', 'next-router-state-tree', 'next-router-prefetch'].some(
    (name) => name in req.headers,
  )
}

/** Headers of one response, not of the page: never stored with it. */
const PER_RESPONSE_HEADERS = new Set(['x-page-cache', 'x-request-id', 'date', 'connection'])

/** Headers that describe a body: a 304 has none. */
const BODY_HEADERS = new Set(['content-length', 'content-type', 'content-encoding'])

/** A strong validator: the stored bytes' hash (each encoding is stored, and tagged, apart). */
const etagOf = (body: Buffer) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`

/** Whether an If-None-Match header names this ETag (or is `*`), weak or strong. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*')
}

/**
 * Makes a public page's 200 shareable: its Cache-Control is replaced, as the headers go out, by
 * `cacheControl` (Next marks every dynamic page private). Error pages, and any response that sets
 * a cookie, keep theirs.
 */
function sharePublicPage(res: Response, cacheControl: string) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response
  res.writeHead = ((...args: unknown[]) => {
    const status = typeof args[0] === 'number' ? args[0] : res.statusCode
    if (status === 200 && !res.getHeader('set-cookie')) res.setHeader('Cache-Control', cacheControl)
    return writeHead(...args)
  }) as Response['writeHead']
}

// Next compresses by Accept-Encoding.
const keyOf = (req: IncomingMessage) => `${req.headers['accept-encoding'] ?? ''} ${req.url}`

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
 * Marks a response for no shared cache, set as its headers go out, so that it holds whatever
 * Next sets on the way (its dynamic pages send a no-store of their own, its cached ones would not).
 * A preview is also kept out of search engines, whatever its status.
 */
function keepPrivate(res: Response, noindex: boolean) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  res.writeHead = ((...args: unknown[]) => {
    res.setHeader('Cache-Control', 'private, no-store')
    if (noindex) res.setHeader('X-Robots-Tag', 'noindex, nofollow')
    return writeHead(...args)
  }) as Response['writeHead']
}

export type PageCacheOptions = {
  store: PageStore
  /** The content cache's generation: a page stored under an older one is rendered again. */
  generation: () => number
  maxAgeMs?: number
  /** The Cache-Control of a public page (config/publicCache); null leaves Next's (private). */
  cacheControl?: string | null
}

/**
 * Public pages are rendered once and served from the runtime's page store until content changes:
 * every write that readers can see invalidates the content cache (collection hooks, on every
 * path), which moves its generation on, and a page stored under an older generation is rendered
 * again. A short lifetime bounds what only the clock changes (auto-closing threads). Signed-in
 * staff, Next's client-side navigation requests and form posts always reach Next.
 *
 * `serveStored` answers from the store, before Express, with the headers stored with the page
 * (the security headers among them) and an ETag, or a 304 when the client already has those
 * bytes; `storeRendered` is the Express middleware that keeps what Next renders.
 *
 * For a CDN or shared cache in front, public pages carry `cacheControl`; signed-in staff, form
 * results and everything else keep Next's private, no-store answer.
 */
export function pageCache({
  store,
  generation,
  maxAgeMs = 60_000,
  cacheControl = null,
}: PageCacheOptions) {
  return {
    /** Answers a request the store holds a current page for; false when it does not. */
    serveStored(req: IncomingMessage, res: ServerResponse): boolean {
      if (!cacheable(req)) return false
      const found = store.get(keyOf(req))
      if (!found || found.generation !== generation() || Date.now() - found.storedAt >= maxAgeMs) {
        return false
      }
      res.setHeader('x-page-cache', 'hit')
      const etag = found.headers.etag
      if (typeof etag === 'string' && matches(req.headers['if-none-match'], etag)) {
        const headers = Object.entries(found.headers).filter(([name]) => !BODY_HEADERS.has(name))
        res.writeHead(304, Object.fromEntries(headers))
        res.end()
        return true
      }
      res.writeHead(found.status, found.headers)
      res.end(req.method === 'HEAD' ? undefined : found.body)
      return true
    },

    storeRendered: ((req, res, next) => {
      if (isPrivatePage(req)) {
        keepPrivate(res, isPreview(req))
        return next()
      }
      if (!cacheable(req)) return next()
      const key = keyOf(req)
      store.delete(key)
      const renderedFrom = generation()
      res.set('X-Page-Cache', 'miss')
      if (cacheControl) sharePublicPage(res, cacheControl)
      capture(res, (body) => {
        const status = res.statusCode
        if (status !== 200 || res.getHeader('set-cookie')) return
        if (req.method === 'HEAD' || renderedFrom !== generation()) return
        const headers = Object.fromEntries(
          Object.entries(res.getHeaders())
            .filter(([name]) => !PER_RESPONSE_HEADERS.has(name))
            .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)]),
        )
        headers.etag = etagOf(body)
        store.set(key, { status, headers, body, generation: renderedFrom, storedAt: Date.now() })
      })
      next()
    }) as RequestHandler,
  }
}
