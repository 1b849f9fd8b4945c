import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import * as tar from 'tar'

import type { AppConfig } from '@/config/appConfig'

import { SECRET_FILE } from '@/config/secret'
import { s3Location } from '@/uploads/s3UploadStore'

import { BACKUP_FORMAT, type BackupManifest } from './manifest'

/**
 * A consistent copy of the SQLite database while the server keeps running: `VACUUM INTO` reads the
 * database in one transaction (what SQLite documents as the alternative to its backup API) and
 * writes a compact copy; writers wait for it at most the busy timeout.
 */
async function copySqlite(file: string, target: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`there is no SQLite database at ${file}`)
  const client = createClient({ url: `file:${file}` })
  try {
    await client.execute('PRAGMA busy_timeout = 30000')
    await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
  } finally {
    client.close()
  }
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== '.gitkeep').length
}

export type BackupResult = { archive: string; manifest: BackupManifest }

/**
 * Writes one .tar.gz: manifest.json, the SQLite database (copied consistently, see copySqlite),
 * the generated secret when there is one, and every upload. PostgreSQL and MongoDB are dumped with
 * their own tools (README, "Backup and restore"); their archive holds the uploads. With S3_BUCKET
 * set the uploads are in the bucket, not MEDIA_DIR: the manifest names it and holds none of them
 * (the bucket's versioning or replication backs them up, docs/uploads-s3.md).
 */
export async function createBackup(config: AppConfig, archive: string): Promise<BackupResult> {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'agency-blog-backup-'))
  try {
    const entries: string[] = ['manifest.json']
    if (config.database.kind === 'sqlite') {
      fs.mkdirSync(path.join(staging, 'database'))
      await copySqlite(config.database.file, path.join(staging, 'database', 'payload.db'))
      entries.push('database')
    }
    const secret = path.join(config.dataDir, SECRET_FILE)
    if (fs.existsSync(secret)) {
      fs.copyFileSync(secret, path.join(staging, SECRET_FILE))
      entries.push(SECRET_FILE)
    }
    const uploadsInBucket = config.s3 ? s3Location(config.s3) : undefined
    const mediaFiles = uploadsInBucket ? 0 : countFiles(config.mediaDir)
    if (mediaFiles > 0) {
      // Uploads are only ever added whole (Payload writes each file once): copying them after the
      // database copy means every image the database names is in the archive.
      fs.cpSync(config.mediaDir, path.join(staging, 'media'), {
        recursive: true,
        filter: (source) => path.basename(source) !== '.gitkeep',
      })
      entries.push('media')
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      database: config.database.kind,
      databaseIncluded: config.database.kind === 'sqlite',
      mediaFiles,
      ...(uploadsInBucket ? { uploadsInBucket } : {}),
    }
    fs.writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2))
    // The archive holds password hashes, commenters' addresses and the secret: its owner only.
    fs.mkdirSync(path.dirname(path.resolve(archive)), { recursive: true, mode: 0o700 })
    await tar.create(
      { gzip: true, file: archive, cwd: staging, portable: true, mode: 0o600 },
      entries,
    )
    return { archive: path.resolve(archive), manifest }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}
