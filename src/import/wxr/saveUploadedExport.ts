import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'

import { RequestRefused } from '@/api/requestRefused'

import { MAX_EXPORT_BYTES } from './exportSizeLimit'

export type UploadedExport = {
  /** The export on disk, under its uploaded name (the audit entry names it). */
  file: string
  /** Deletes the file and its directory. */
  remove: () => Promise<void>
}

/** The uploaded name, reduced to a safe file name. */
export function uploadFileName(name: string | null): string {
  const base = path.basename(name ?? '').replace(/[^\w.-]+/g, '-')
  return base.replace(/^[.-]+/, '').slice(0, 100) || 'export.xml'
}

/**
 * Writes a request body to a file of its own in a new temporary directory as it arrives, so an
 * export of hundreds of megabytes is never held in memory. A body past `maxBytes` (the front
 * refuses a declared length first; this holds without it) is 413, an empty one 400.
 */
export async function saveUploadedExport(
  body: ReadableStream<Uint8Array> | null | undefined,
  name: string,
  maxBytes: number = MAX_EXPORT_BYTES,
): Promise<UploadedExport> {
  if (!body) throw new RequestRefused('Send the export file as the request body.', 400)
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'wxr-upload-'))
  const remove = () => fs.promises.rm(dir, { recursive: true, force: true })
  const file = path.join(dir, name)
  let size = 0
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length
      if (size > maxBytes) {
        const megabytes = Math.floor(maxBytes / (1024 * 1024))
        done(new RequestRefused(`The file is too large: at most ${megabytes} MB.`, 413))
      } else done(null, chunk)
    },
  })
  try {
    await pipeline(
      Readable.fromWeb(body as unknown as WebReadableStream),
      limit,
      fs.createWriteStream(file),
    )
  } catch (error) {
    await remove()
    throw error
  }
  if (size === 0) {
    await remove()
    throw new RequestRefused('Send the export file as the request body: it was empty.', 400)
  }
  return { file, remove }
}
