import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import S3rver from 's3rver'

/** s3rver's fixed development credentials. */
const S3RVER_KEY = 'S3RVER'

const s3rverVersion = (): string =>
  (createRequire(import.meta.url)('s3rver/package.json') as { version: string }).version

/** The S3-compatible server the tests use, named with its version for test titles and logs. */
export const S3_TEST_SERVER = `s3rver ${s3rverVersion()}`

export type S3TestServer = {
  endpoint: string
  bucket: string
  /** S3_* settings for the application, pointing at this server and bucket. */
  env: Record<string, string>
  client: S3Client
  /** Every key in the bucket, sorted. */
  keys: () => Promise<string[]>
  bytesOf: (key: string) => Promise<Buffer>
  put: (key: string, body: string, contentType: string) => Promise<void>
  stop: () => Promise<void>
}

/**
 * s3rver on a free loopback port, keeping its objects in a temporary directory, with one empty
 * bucket. stop() in afterAll closes it and removes the directory.
 */
export async function startS3Server({ prefix = '' } = {}): Promise<S3TestServer> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const bucket = 'blog-uploads-test'
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: S3RVER_KEY, secretAccessKey: S3RVER_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  await client.send(new CreateBucketCommand({ Bucket: bucket }))
  return {
    endpoint,
    bucket,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: S3RVER_KEY,
      S3_SECRET_ACCESS_KEY: S3RVER_KEY,
      ...(prefix ? { S3_PREFIX: prefix } : {}),
    },
    client,
    keys: async () => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }))
      return (listed.Contents ?? []).map((object) => object.Key ?? '').sort()
    },
    bytesOf: async (key) => {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
      return Buffer.from(await object.Body!.transformToByteArray())
    },
    put: async (key, body, contentType) => {
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
      )
    },
    stop: async () => {
      client.destroy()
      await server.close()
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}
