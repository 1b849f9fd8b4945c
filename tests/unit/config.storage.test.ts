import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { readConfig } from '@/config/appConfig'
import { ConfigError } from '@/config/configError'
import { readS3StorageConfig } from '@/config/storage'

const errorOf = (env: Record<string, string | undefined>): Error => {
  try {
    readS3StorageConfig(env)
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a ConfigError')
}

describe('readS3StorageConfig', () => {
  it('keeps uploads in MEDIA_DIR when S3_BUCKET is unset or blank', () => {
    expect(readS3StorageConfig({})).toBeNull()
    expect(readS3StorageConfig({ S3_BUCKET: '  ' })).toBeNull()
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'env-test-'))
    expect(readConfig({ DATA_DIR: dir }).s3).toBeNull()
  })

  it('needs only the bucket for Amazon S3: us-east-1, virtual-hosted style, the SDK’s own credentials', () => {
    expect(readS3StorageConfig({ S3_BUCKET: 'agency-blog-media' })).toEqual({
      bucket: 'agency-blog-media',
      region: 'us-east-1',
      endpoint: null,
      forcePathStyle: false,
      credentials: null,
      prefix: '',
    })
  })

  it('takes every setting, and path-style addressing by default for an S3-compatible endpoint', () => {
    const config = readS3StorageConfig({
      S3_BUCKET: ' blog.media-01 ',
      S3_REGION: 'eu-central-1',
      S3_ENDPOINT: 'http://127.0.0.1:9000/',
      S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      S3_SECRET_ACCESS_KEY: 'secret/with+chars',
      S3_PREFIX: '/sites/blog/',
    })
    expect(config).toEqual({
      bucket: 'blog.media-01',
      region: 'eu-central-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret/with+chars' },
      prefix: 'sites/blog',
    })
    const virtualHosted = readS3StorageConfig({
      S3_BUCKET: 'media',
      S3_ENDPOINT: 'https://s3.example.gov',
      S3_FORCE_PATH_STYLE: 'false',
    })
    expect(virtualHosted?.forcePathStyle).toBe(false)
    expect(
      readS3StorageConfig({ S3_BUCKET: 'media', S3_FORCE_PATH_STYLE: '1' })?.forcePathStyle,
    ).toBe(true)
  })

  it('reaches the application configuration', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'env-test-'))
    const config = readConfig({ DATA_DIR: dir, S3_BUCKET: 'media', S3_PREFIX: 'uploads' })
    expect(config.s3).toMatchObject({ bucket: 'media', prefix: 'uploads' })
    expect(Object.isFrozen(config.s3)).toBe(true)
  })

  it.each([
    [{ S3_ENDPOINT: 'http://127.0.0.1:9000' }, /^S3_ENDPOINT is set but S3_BUCKET is not/],
    [{ S3_ACCESS_KEY_ID: 'AKIA' }, /^S3_ACCESS_KEY_ID is set but S3_BUCKET is not/],
    [{ S3_BUCKET: 'Media_Bucket' }, /^S3_BUCKET "Media_Bucket" is not a bucket name/],
    [{ S3_BUCKET: 'ab' }, /^S3_BUCKET "ab" is not a bucket name/],
    [{ S3_BUCKET: 'media', S3_REGION: 'EU West' }, /^S3_REGION "EU West" is not a region name/],
    [{ S3_BUCKET: 'media', S3_ENDPOINT: 'minio:9000' }, /^S3_ENDPOINT "minio:9000" is not usable/],
    [{ S3_BUCKET: 'media', S3_ENDPOINT: 'not a url' }, /^S3_ENDPOINT "not a url" is not usable/],
    [
      { S3_BUCKET: 'media', S3_ENDPOINT: 'https://s3.example.gov/media' },
      /^S3_ENDPOINT ".*" is not usable; use the server's origin/,
    ],
    [
      { S3_BUCKET: 'media', S3_ENDPOINT: 'https://key:very-secret-value@s3.example.gov' },
      /^S3_ENDPOINT contains a user name or password; put the keys in S3_ACCESS_KEY_ID/,
    ],
    [
      { S3_BUCKET: 'media', S3_FORCE_PATH_STYLE: 'yes' },
      /^S3_FORCE_PATH_STYLE "yes" is not accepted; use true, false, 1 or 0$/,
    ],
    [
      { S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'AKIA' },
      /^S3_ACCESS_KEY_ID is set but S3_SECRET_ACCESS_KEY is not: set both, or neither/,
    ],
    [
      { S3_BUCKET: 'media', S3_SECRET_ACCESS_KEY: 'secret' },
      /^S3_SECRET_ACCESS_KEY is set but S3_ACCESS_KEY_ID is not/,
    ],
    [{ S3_BUCKET: 'media', S3_PREFIX: 'blog/../other' }, /^S3_PREFIX "blog\/..\/other" is not/],
    [{ S3_BUCKET: 'media', S3_PREFIX: 'blog media' }, /^S3_PREFIX "blog media" is not/],
  ])('refuses %j in one line', (env, message) => {
    const error = errorOf(env)
    expect(error).toBeInstanceOf(ConfigError)
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain('\n')
  })

  it('never repeats a secret in a message', () => {
    for (const env of [
      { S3_SECRET_ACCESS_KEY: 'very-secret-value' },
      { S3_BUCKET: 'media', S3_SECRET_ACCESS_KEY: 'very-secret-value' },
      { S3_BUCKET: 'media', S3_ENDPOINT: 'https://key:very-secret-value@s3.example.gov' },
    ]) {
      expect(errorOf(env).message).not.toContain('very-secret-value')
    }
  })
})
