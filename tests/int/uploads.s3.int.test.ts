import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload, SanitizedConfig } from 'payload'
import sharp from 'sharp'

import type { Media } from '@/payload-types'

import { createApiClient, type ApiClient } from '../helpers/api'
import { restAuth } from '../helpers/callers'
import { createStaff, type Staff } from '../helpers/factories'
import { HTML_PAGE } from '../helpers/images'
import { startS3Server, S3_TEST_SERVER, type S3TestServer } from '../helpers/s3Server'
import { storedCount } from '../helpers/snapshot'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'
import { createUploadClient, type UploadClient } from '../helpers/uploadClient'

const PREFIX = 'blog/media'
const BASE = 'http://localhost:3000'

let s3: S3TestServer
let t: TestPayload
let api: ApiClient
let upload: UploadClient
let staff: Staff
/** Instance B: its own Payload, runtime and S3 client on the same database and bucket. */
let b: { payload: Payload; config: SanitizedConfig; mediaDir: string }

/** A photo-sized PNG, so Payload makes both sizes (thumbnail 400, card 800). */
async function photo(width = 1200, height = 800, background = '#2378c3') {
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer()
}

/** A second application instance, as another server would start it from the same settings. */
async function startInstance(key: string, env: Record<string, string>) {
  const { readConfig } = await import('@/config/appConfig')
  const { createPayloadConfig } = await import('@/cms/payloadConfig')
  const { createRuntime } = await import('@/runtime/runtime')
  const { getPayload } = await import('payload')
  const appConfig = readConfig({ ...process.env, ...env }, { terminal: false })
  const config = await createPayloadConfig(appConfig, createRuntime(appConfig))
  const payload = await getPayload({ config, key })
  payload.logger.level = process.env.TEST_LOG_LEVEL ?? 'silent'
  return { payload, config, mediaDir: appConfig.mediaDir }
}

/** GET through an instance's own REST handler (Payload's file route), the body as bytes. */
async function getFile(
  instance: { config: SanitizedConfig; key: string },
  filename: string,
  headers: Record<string, string> = {},
) {
  const { handleEndpoints } = await import('payload')
  const request = new Request(new URL(`/api/media/file/${encodeURIComponent(filename)}`, BASE), {
    headers,
  })
  const response = await handleEndpoints({
    config: instance.config,
    request,
    payloadInstanceCacheKey: instance.key,
  })
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  }
}

const onA = () => ({ config: t.payload.config, key: 'default' })
const onB = () => ({ config: b.config, key: 'b' })

const namesOf = (doc: Media) =>
  [doc.filename, doc.sizes?.thumbnail?.filename, doc.sizes?.card?.filename].filter(
    (name): name is string => Boolean(name),
  )
const keysOf = (doc: Media) => namesOf(doc).map((name) => `${PREFIX}/${name}`)
const onDisk = (dir: string, doc: Media) =>
  namesOf(doc).filter((name) => fs.existsSync(path.join(dir, name)))

async function uploadPhoto(bytes: Buffer, name = 'river-lock.png') {
  const response = await upload<{ doc: Media }>('media', {
    ...restAuth(staff, 'editor'),
    file: { bytes, type: 'image/png', name },
    data: { alt: 'A lock on the river' },
  })
  expect(response.status).toBe(201)
  return response.body.doc
}

beforeAll(async () => {
  s3 = await startS3Server({ prefix: PREFIX })
  console.info(`uploads.s3: testing against ${S3_TEST_SERVER} at ${s3.endpoint}`)
  t = await startTestPayload(s3.env)
  api = await createApiClient()
  upload = await createUploadClient()
  staff = await createStaff(t.payload)
  // Its own MEDIA_DIR: whatever it serves cannot come from A's disk.
  const otherMediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'instance-b-media-'))
  b = await startInstance('b', { MEDIA_DIR: otherMediaDir })
})

afterAll(async () => {
  const { closeDatabase } = await import('@/db/closeDatabase')
  if (b) {
    await closeDatabase(b.payload)
    fs.rmSync(b.mediaDir, { recursive: true, force: true })
  }
  await t?.stop()
  await s3?.stop()
  for (const name of Object.keys(s3?.env ?? {})) delete process.env[name]
})

describe(`uploads in S3-compatible storage (${S3_TEST_SERVER})`, () => {
  it('stores the original and both resized copies in the bucket, under S3_PREFIX, and nothing on disk', async () => {
    const bytes = await photo()
    const doc = await uploadPhoto(bytes)

    expect(doc.sizes?.thumbnail?.width).toBe(400)
    expect(doc.sizes?.card?.width).toBe(800)
    expect(keysOf(doc)).toHaveLength(3)
    expect(await s3.keys()).toEqual(expect.arrayContaining(keysOf(doc)))
    expect(await s3.bytesOf(`${PREFIX}/${doc.filename}`)).toEqual(bytes)
    const mediaDir = process.env.MEDIA_DIR!
    expect(onDisk(mediaDir, doc)).toEqual([])
    // The URL documents and pages use is unchanged.
    expect(new URL(doc.url!, BASE).pathname).toBe(`/api/media/file/${doc.filename}`)
    expect(new URL(doc.sizes!.thumbnail!.url!, BASE).pathname).toBe(
      `/api/media/file/${doc.sizes?.thumbnail?.filename}`,
    )
  })

  it('serves the public URL from the bucket: bytes, type, length, ETag, cache headers, 304 and ranges', async () => {
    const bytes = await photo(900, 600, '#8b0a03')
    const doc = await uploadPhoto(bytes, 'gate.png')

    const whole = await getFile(onA(), doc.filename!)
    expect(whole.status).toBe(200)
    expect(whole.bytes).toEqual(bytes)
    expect(whole.headers.get('content-type')).toBe('image/png')
    expect(whole.headers.get('content-length')).toBe(String(bytes.length))
    expect(whole.headers.get('accept-ranges')).toBe('bytes')
    expect(whole.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+/)
    const etag = whole.headers.get('etag')
    expect(etag).toMatch(/^"[0-9a-f]+"$/)

    const thumbnail = await getFile(onA(), doc.sizes!.thumbnail!.filename!)
    expect(thumbnail.status).toBe(200)
    expect(thumbnail.bytes).toEqual(await s3.bytesOf(`${PREFIX}/${doc.sizes!.thumbnail!.filename}`))
    expect((await sharp(thumbnail.bytes).metadata()).width).toBe(400)

    const unchanged = await getFile(onA(), doc.filename!, { 'if-none-match': etag! })
    expect(unchanged.status).toBe(304)
    expect(unchanged.bytes.length).toBe(0)

    const part = await getFile(onA(), doc.filename!, { range: 'bytes=0-99' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${bytes.length}`)
    expect(part.bytes).toEqual(bytes.subarray(0, 100))

    const beyond = await getFile(onA(), doc.filename!, { range: `bytes=${bytes.length + 10}-` })
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`)
  })

  it('answers 404 for a name no document holds, even when the bucket has such a key', async () => {
    expect((await getFile(onA(), 'nothing-here.png')).status).toBe(404)
    // Something else kept in the same bucket and prefix is not made public.
    await s3.put(`${PREFIX}/private-notes.txt`, 'not for readers', 'text/plain')
    const response = await getFile(onA(), 'private-notes.txt')
    expect(response.status).toBe(404)
    expect(response.bytes.toString()).not.toContain('not for readers')
  })

  it('serves through a second instance (another Payload, same database and bucket) what the first stored', async () => {
    expect(b.payload).not.toBe(t.payload)
    const bytes = await photo(1000, 700, '#3d4551')
    const doc = await uploadPhoto(bytes, 'towboat.png')

    expect(onDisk(b.mediaDir, doc)).toEqual([])
    const fromB = await getFile(onB(), doc.filename!)
    expect(fromB.status).toBe(200)
    expect(fromB.bytes).toEqual(bytes)
    expect(fromB.headers.get('content-type')).toBe('image/png')
    const cardFromB = await getFile(onB(), doc.sizes!.card!.filename!)
    expect(cardFromB.status).toBe(200)
    expect((await sharp(cardFromB.bytes).metadata()).width).toBe(800)
  })

  it('removes the original and its copies from the bucket when the document is deleted', async () => {
    const doc = await uploadPhoto(await photo(), 'to-delete.png')
    expect(await s3.keys()).toEqual(expect.arrayContaining(keysOf(doc)))

    const deleted = await api.call('DELETE', `/media/${doc.id}`, restAuth(staff, 'editor'))
    expect(deleted.status).toBe(200)

    const left = await s3.keys()
    for (const key of keysOf(doc)) expect(left).not.toContain(key)
    expect((await getFile(onB(), doc.filename!)).status).toBe(404)
  })

  it('replaces the files when an image is replaced, removing the old ones', async () => {
    const before = await uploadPhoto(await photo(), 'replace-me.png')
    const newBytes = await photo(1100, 500, '#fee685')
    const after = (await t.payload.update({
      collection: 'media',
      id: before.id,
      data: {},
      file: {
        data: newBytes,
        mimetype: 'image/png',
        name: 'replacement.png',
        size: newBytes.length,
      },
    })) as Media

    expect(after.filename).not.toBe(before.filename)
    const keys = await s3.keys()
    expect(keys).toEqual(expect.arrayContaining(keysOf(after)))
    for (const key of keysOf(before)) expect(keys).not.toContain(key)
    expect((await getFile(onB(), after.filename!)).bytes).toEqual(newBytes)
    expect((await getFile(onA(), before.filename!)).status).toBe(404)
  })

  it('refuses a file that is not an image (400) and stores no object and no document', async () => {
    const keysBefore = await s3.keys()
    const countBefore = await storedCount(t.payload, 'media')

    const response = await upload('media', {
      ...restAuth(staff, 'editor'),
      file: { bytes: HTML_PAGE, type: 'image/png', name: 'innocent.png' },
      data: { alt: 'Not an image' },
    })

    expect(response.status).toBe(400)
    expect(await s3.keys()).toEqual(keysBefore)
    expect(await storedCount(t.payload, 'media')).toBe(countBefore)
  })

  it('keeps no document when the bucket refuses the file (a missing bucket): nothing names a file that is not stored', async () => {
    const countBefore = await storedCount(t.payload, 'media')
    const broken = await startInstance('no-bucket', {
      MEDIA_DIR: b.mediaDir,
      S3_BUCKET: 'no-such-bucket-here',
    })
    try {
      const bytes = await photo()
      await expect(
        broken.payload.create({
          collection: 'media',
          data: { alt: 'Never stored' },
          file: { data: bytes, mimetype: 'image/png', name: 'lost.png', size: bytes.length },
        }),
      ).rejects.toThrow(/bucket/i)
    } finally {
      const { closeDatabase } = await import('@/db/closeDatabase')
      await closeDatabase(broken.payload)
    }
    expect(await storedCount(t.payload, 'media')).toBe(countBefore)
  })
})

describe(`backup and restore with uploads in S3 (${S3_TEST_SERVER})`, () => {
  const tmp = (label: string) => fs.mkdtempSync(path.join(os.tmpdir(), `s3-backup-${label}-`))
  /** The application's settings as the backup commands read them, with `env` on top. */
  async function appConfig(env: Record<string, string | undefined>) {
    const { readConfig } = await import('@/config/appConfig')
    return readConfig({ ...process.env, ...env }, { terminal: false })
  }
  const withoutS3 = () => Object.fromEntries(Object.keys(s3.env).map((name) => [name, undefined]))

  it('leaves the bucket out of the archive and names it in the manifest', async () => {
    const { createBackup } = await import('@/backup/backup')
    const dir = tmp('out')
    try {
      const { manifest } = await createBackup(await appConfig({}), path.join(dir, 'b.tar.gz'))
      expect(manifest.mediaFiles).toBe(0)
      expect(manifest.uploadsInBucket).toBe(`s3://${s3.bucket}/${PREFIX}/ (${s3.endpoint})`)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('restores an archive made from MEDIA_DIR into the bucket, refusing a bucket that holds files without --force', async () => {
    const { createBackup } = await import('@/backup/backup')
    const { restoreBackup, RestoreRefused } = await import('@/backup/restore')
    const oldMedia = tmp('media')
    const out = tmp('out')
    const restoredData = tmp('data')
    try {
      const bytes = await photo(300, 200, '#71767a')
      fs.writeFileSync(path.join(oldMedia, 'from-disk.png'), bytes)
      const archive = path.join(out, 'local.tar.gz')
      const { manifest } = await createBackup(
        await appConfig({ ...withoutS3(), MEDIA_DIR: oldMedia }),
        archive,
      )
      expect(manifest).toMatchObject({ mediaFiles: 1 })
      expect(manifest.uploadsInBucket).toBeUndefined()

      const intoS3 = await appConfig({ DATA_DIR: restoredData })
      await s3.put(`${PREFIX}/already-there.png`, 'an earlier upload', 'image/png')
      const refused = restoreBackup(intoS3, archive)
      await expect(refused).rejects.toBeInstanceOf(RestoreRefused)
      await expect(refused).rejects.toThrow(`s3://${s3.bucket}/${PREFIX}/`)
      expect(await s3.keys()).not.toContain(`${PREFIX}/from-disk.png`)

      const restored = await restoreBackup(intoS3, archive, { force: true })
      expect(restored).toMatchObject({ mediaFiles: 1, uploadsTo: expect.stringContaining('s3://') })
      expect(await s3.bytesOf(`${PREFIX}/from-disk.png`)).toEqual(bytes)
      expect(fs.existsSync(path.join(intoS3.mediaDir, 'from-disk.png'))).toBe(false)
    } finally {
      for (const dir of [oldMedia, out, restoredData])
        fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
