import type { Readable } from 'node:stream'

/** One stored file, streamed: nothing holds the whole file in memory. */
export type StoredFile = {
  body: Readable
  contentType: string | undefined
  /** Bytes in `body` (the range's length for a partial answer). */
  contentLength: number | undefined
  etag: string | undefined
  lastModified: Date | undefined
  /** `bytes first-last/total` when a range was asked for and answered. */
  contentRange: string | undefined
}

export type ReadOptions = {
  /** One `bytes=` range as the client sent it (already checked to be a single range). */
  range?: string
  /** The client's cached ETag: an unchanged file is not sent again. */
  ifNoneMatch?: string
  /** Stops the read when the client goes away. */
  signal?: AbortSignal
}

export type ReadResult =
  | { status: 'found'; file: StoredFile }
  | { status: 'missing' }
  | { status: 'not-modified'; etag: string | undefined }
  | { status: 'bad-range'; size: number | undefined }

/**
 * Where uploaded files live when they are not files in MEDIA_DIR. Names are Payload's filenames
 * (the original's and each resized copy's); the store decides the key. Several instances share
 * one store, so a file written through one is read through any other.
 */
export interface UploadStore {
  /** For start-up's summary and the docs: `s3://bucket/prefix (endpoint)`. */
  readonly location: string
  put(name: string, body: Buffer, contentType: string): Promise<void>
  read(name: string, options?: ReadOptions): Promise<ReadResult>
  /** Removing a name that is not there is not an error. */
  remove(name: string): Promise<void>
  /** Whether anything is stored at all (a restore refuses a store that already holds files). */
  isEmpty(): Promise<boolean>
}
