import { Readable } from 'node:stream'

import {
  headersWithCors,
  type CollectionConfig,
  type CollectionSlug,
  type PayloadRequest,
  type Where,
} from 'payload'

import { publicCacheControl } from '@/config/publicCache'
import { runtimeOf } from '@/runtime/runtime'

import { isStorableName } from './storedNames'
import type { StoredFile, UploadStore } from './uploadStore'

type UploadHandler = NonNullable<
  Exclude<CollectionConfig['upload'], boolean | undefined>['handlers']
>[number]

const MESSAGES = {
  notFound: 'There is no such file.',
}

/** One range (`bytes=0-99`, `bytes=100-`, `bytes=-100`); several ranges are answered whole. */
export function singleByteRange(header: string | null): string | undefined {
  const range = header?.trim()
  const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range) : null
  if (!match || (!match[1] && !match[2])) return undefined
  if (match[1] && match[2] && Number(match[1]) > Number(match[2])) return undefined
  return range
}

/** One entity tag, weak or strong: If-None-Match compares them weakly, so `W/` is dropped. */
function singleEntityTag(header: string | null): string | undefined {
  const tag = header?.trim().replace(/^W\//, '')
  return tag && /^"[^"]*"$/.test(tag) ? tag : undefined
}

function notFound(req: PayloadRequest): Response {
  return Response.json(
    { errors: [{ message: MESSAGES.notFound }] },
    { status: 404, headers: headersWithCors({ headers: new Headers(), req }) },
  )
}

/**
 * Only the names a document of the collection holds (its original or a resized copy) are served,
 * as only MEDIA_DIR's files were: a bucket shared with anything else does not become public
 * under /api/media/file/. One query on indexed columns; a shared cache keeps the answers.
 */
async function namedByDocument(req: PayloadRequest, slug: string, name: string) {
  const collection = req.payload.collections[slug as CollectionSlug]?.config
  if (!collection?.upload) return false
  const where: Where = {
    or: [
      { filename: { equals: name } },
      ...(collection.upload.imageSizes ?? []).map((size) => ({
        [`sizes.${size.name}.filename`]: { equals: name },
      })),
    ],
  }
  const doc = await req.payload.db.findOne({ collection: collection.slug, where, req })
  return Boolean(doc)
}

function fileHeaders(req: PayloadRequest, file: StoredFile, cacheControl: string): Headers {
  const headers = new Headers({ 'Accept-Ranges': 'bytes', 'Cache-Control': cacheControl })
  if (file.contentType) headers.set('Content-Type', file.contentType)
  if (file.contentLength !== undefined) headers.set('Content-Length', String(file.contentLength))
  if (file.contentRange) headers.set('Content-Range', file.contentRange)
  if (file.etag) headers.set('ETag', file.etag)
  if (file.lastModified) headers.set('Last-Modified', file.lastModified.toUTCString())
  return headersWithCors({ headers, req })
}

/**
 * Payload's file route (`GET /api/<slug>/file/<filename>`, the URL documents and pages already
 * use) answered from the upload store: streamed, never buffered, with the stored Content-Type,
 * its length, ETag (a matching If-None-Match gets 304), one byte range (206) and the public
 * pages' Cache-Control. Payload has checked read access before calling it.
 */
export const serveStoredUpload: UploadHandler = (req, { params }) => {
  const { uploads } = runtimeOf(req.payload)
  // Files in MEDIA_DIR: Payload's own handler serves them.
  if (uploads) return answerFromStore(req, uploads, params)
}

async function answerFromStore(
  req: PayloadRequest,
  uploads: UploadStore,
  { collection, filename }: { collection: string; filename: string },
): Promise<Response> {
  const { config } = runtimeOf(req.payload)
  if (!isStorableName(filename) || !(await namedByDocument(req, collection, filename))) {
    return notFound(req)
  }
  const cacheControl = publicCacheControl(config.publicCache) ?? 'public, no-cache'
  const result = await uploads.read(filename, {
    range: singleByteRange(req.headers.get('range')),
    ifNoneMatch: singleEntityTag(req.headers.get('if-none-match')),
    signal: req.signal,
  })
  if (result.status === 'missing') {
    req.payload.logger.warn({ filename }, 'an upload a document names is missing from the store')
    return notFound(req)
  }
  if (result.status === 'not-modified') {
    const headers = new Headers({ 'Cache-Control': cacheControl })
    if (result.etag) headers.set('ETag', result.etag)
    return new Response(null, { status: 304, headers: headersWithCors({ headers, req }) })
  }
  if (result.status === 'bad-range') {
    const headers = new Headers()
    if (result.size !== undefined) headers.set('Content-Range', `bytes */${result.size}`)
    return new Response(null, { status: 416, headers: headersWithCors({ headers, req }) })
  }
  const { file } = result
  return new Response(Readable.toWeb(file.body) as ReadableStream<Uint8Array>, {
    status: file.contentRange ? 206 : 200,
    headers: fileHeaders(req, file, cacheControl),
  })
}
