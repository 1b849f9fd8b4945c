import type http from 'node:http'

import { MAX_EXPORT_BYTES } from '@/import/wxr/exportSizeLimit'

/** The largest request body each kind of route takes, in bytes. */
export const BODY_LIMITS = {
  /** A comment (its body is at most 65,525 characters, as WordPress allows): REST and the form. */
  comment: 256 * 1024,
  /** A GraphQL document and its variables. */
  graphql: 256 * 1024,
  /** An image upload with its fields (Payload's own limit for the file is 20 MB: payloadConfig). */
  upload: 25 * 1024 * 1024,
  /** A WordPress export uploaded to the admin's import page (streamed to disk, never held). */
  wxrImport: MAX_EXPORT_BYTES,
  /** Everything else staff send: posts with long bodies, settings, bulk moderation. */
  other: 4 * 1024 * 1024,
} as const

export const WXR_IMPORT_PATH = '/api/posts/import-wxr'

/** The limit for a request's body: comments and public form posts get kilobytes, not megabytes. */
export function bodyLimitFor(method: string, url: string): number {
  const path = url.split('?', 1)[0]
  if (path === '/api/comments' || path.startsWith('/api/comments/')) return BODY_LIMITS.comment
  if (path === '/api/graphql') return BODY_LIMITS.graphql
  if (path === '/api/media' || path.startsWith('/api/media/')) return BODY_LIMITS.upload
  if (method === 'POST' && path === WXR_IMPORT_PATH) return BODY_LIMITS.wxrImport
  // Server actions of public pages (the comment form) post to the page's own address.
  if (method === 'POST' && !path.startsWith('/api/') && !path.startsWith('/admin')) {
    return BODY_LIMITS.comment
  }
  return BODY_LIMITS.other
}

export type BodyRefusal = { status: 411 | 413; message: string }

/**
 * Whether a request's body may be read, decided from its headers alone, before a byte of it is
 * read: a declared length over the route's limit is 413; a body of unknown length (chunked) is
 * 411, since its size would only be known once it had been read. Browsers, fetch and the admin
 * always send a length.
 */
export function refuseBody(req: http.IncomingMessage): BodyRefusal | null {
  const length = req.headers['content-length']
  const chunked = req.headers['transfer-encoding'] !== undefined
  if (length === undefined && !chunked) return null
  const limit = bodyLimitFor(req.method ?? 'GET', req.url ?? '/')
  if (length === undefined) {
    return { status: 411, message: 'Send the request with a Content-Length header.' }
  }
  if (Number(length) > limit) {
    return {
      status: 413,
      message: `The request is too large: at most ${Math.floor(limit / 1024)} KB here.`,
    }
  }
  return null
}
