import { Readable } from 'node:stream'

import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'

import type { S3StorageConfig } from '@/config/storage'

import type { ReadOptions, ReadResult, UploadStore } from './uploadStore'

/** A server that does not answer within this is down; a stalled transfer is given up after the other. */
const CONNECT_TIMEOUT_MS = 5_000
const IDLE_TIMEOUT_MS = 60_000
const MAX_ATTEMPTS = 3

/** The HTTP status an SDK error carries (404 missing key, 304 unchanged, 416 bad range). */
function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode
}

export function createS3Client(config: S3StorageConfig): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    // A copy: the SDK marks the object it is given, and the configuration is frozen.
    ...(config.credentials ? { credentials: { ...config.credentials } } : {}),
    maxAttempts: MAX_ATTEMPTS,
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: IDLE_TIMEOUT_MS },
    // Checksums only where S3 requires them: many S3-compatible servers reject the newer
    // default (CRC32 trailers in aws-chunked bodies). SigV4 still signs every body's SHA-256.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
}

/** Where S3_* puts the uploads, for people: `s3://bucket/prefix/ (endpoint or region)`. */
export function s3Location(config: S3StorageConfig): string {
  const prefix = config.prefix ? `${config.prefix}/` : ''
  return `s3://${config.bucket}/${prefix} (${config.endpoint ?? `Amazon S3, ${config.region}`})`
}

/** The uploads in one bucket, under S3_PREFIX, through the AWS SDK. */
export class S3UploadStore implements UploadStore {
  readonly location: string
  private readonly bucket: string
  private readonly prefix: string

  constructor(
    config: S3StorageConfig,
    private readonly client: S3Client = createS3Client(config),
  ) {
    this.bucket = config.bucket
    this.prefix = config.prefix ? `${config.prefix}/` : ''
    this.location = s3Location(config)
  }

  keyOf(name: string): string {
    return this.prefix + name
  }

  async put(name: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.keyOf(name),
        Body: body,
        ContentLength: body.length,
        ContentType: contentType,
      }),
    )
  }

  async read(name: string, { range, ifNoneMatch, signal }: ReadOptions = {}): Promise<ReadResult> {
    const key = this.keyOf(name)
    try {
      const object = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: range,
          IfNoneMatch: ifNoneMatch,
        }),
        { abortSignal: signal },
      )
      if (!(object.Body instanceof Readable)) {
        throw new Error(`S3 answered ${key} without a readable body`)
      }
      return {
        status: 'found',
        file: {
          body: object.Body,
          contentType: object.ContentType,
          contentLength: object.ContentLength,
          etag: object.ETag,
          lastModified: object.LastModified,
          contentRange: object.ContentRange,
        },
      }
    } catch (error) {
      const status = statusOf(error)
      if (status === 404) return { status: 'missing' }
      if (status === 304) return { status: 'not-modified', etag: ifNoneMatch }
      if (status === 416) return { status: 'bad-range', size: await this.sizeOf(key) }
      throw error
    }
  }

  /** The size a 416 answer states in its Content-Range (S3's own 416 does not say it). */
  private async sizeOf(key: string): Promise<number | undefined> {
    const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }))
    return head.ContentLength
  }

  async remove(name: string): Promise<void> {
    // S3 answers 204 for a key that is not there.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(name) }))
  }

  async isEmpty(): Promise<boolean> {
    // One request either way. No MaxKeys: 1, because s3rver, the tests' server, answers 500 to
    // any truncated listing (its continuation token uses a cipher OpenSSL 3 refuses).
    const listed = await this.client.send(
      new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix }),
    )
    return !listed.KeyCount
  }
}
