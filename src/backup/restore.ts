import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import * as tar from 'tar'

import type { AppConfig } from '@/config/appConfig'
import { SECRET_FILE } from '@/config/secret'
import { createUploadStore } from '@/uploads/createUploadStore'
import type { UploadStore } from '@/uploads/uploadStore'

import { copyUploadsToStore } from './copyUploadsToStore'

import { BACKUP_FORMAT, type BackupManifest } from './manifest'

/** A restore that would overwrite data, or an archive that is not ours: said in one line. */
export class RestoreRefused extends Error {
  override name = 'RestoreRefused'
}

/**
 * What a directory holds besides git's placeholder and a generated secret (reading the
 * configuration of a new DATA_DIR creates one; the archive's replaces it).
 */
function contentsOf(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir).filter((name) => name !== '.gitkeep' && name !== SECRET_FILE)
}

function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, 'manifest.json')
  let manifest: Partial<BackupManifest> = {}
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<BackupManifest>
  } catch {
    throw new RestoreRefused('this is not a backup made by `npm run backup` (no manifest.json)')
  }
  if (manifest.format !== BACKUP_FORMAT) {
    throw new RestoreRefused(`unknown backup format "${String(manifest.format)}"`)
  }
  return manifest as BackupManifest
}

export type RestoreResult = {
  manifest: BackupManifest
  database: string | null
  mediaFiles: number
  /** Where the uploads went: MEDIA_DIR, or the bucket's location with S3_BUCKET set. */
  uploadsTo: string
}

/**
 * Puts an archive from createBackup back: the SQLite database and secret into DATA_DIR (or the
 * file DATABASE_URL names), the uploads into MEDIA_DIR, or into the bucket when S3_BUCKET is set
 * (which also moves a site's uploads from disk to S3). Refuses directories, or a bucket, that
 * already hold data unless `force`; the server must be stopped while it runs.
 */
export async function restoreBackup(
  config: AppConfig,
  archive: string,
  {
    force = false,
    store = createUploadStore(config),
  }: { force?: boolean; store?: UploadStore | null } = {},
): Promise<RestoreResult> {
  if (!fs.existsSync(archive)) throw new RestoreRefused(`no such file: ${archive}`)
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'agency-blog-restore-'))
  try {
    try {
      // Files and folders only: a link in a tampered archive could point anywhere on the host.
      await tar.extract({
        file: archive,
        cwd: staging,
        strict: true,
        filter: (_path, entry) =>
          'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
      })
    } catch (error) {
      throw new RestoreRefused(`cannot read ${archive}: ${(error as Error).message}`)
    }
    const manifest = readManifest(staging)
    if (manifest.databaseIncluded && config.database.kind !== 'sqlite') {
      throw new RestoreRefused(
        `the archive holds an SQLite database, but DATABASE_URL points at ${config.database.kind}`,
      )
    }
    const occupied = [
      ...(manifest.databaseIncluded ? [config.dataDir] : []),
      ...(manifest.mediaFiles > 0 && !store ? [config.mediaDir] : []),
    ].filter((dir) => contentsOf(dir).length > 0)
    if (manifest.mediaFiles > 0 && store && !(await store.isEmpty())) occupied.push(store.location)
    // DATABASE_URL=file:… may put the database outside DATA_DIR.
    if (
      manifest.databaseIncluded &&
      config.database.kind === 'sqlite' &&
      fs.existsSync(config.database.file) &&
      !occupied.includes(config.dataDir)
    ) {
      occupied.push(config.database.file)
    }
    if (occupied.length > 0 && !force) {
      throw new RestoreRefused(
        `${occupied.join(' and ')} already ${occupied.length > 1 ? 'hold' : 'holds'} data: restore into empty directories, or pass --force to overwrite`,
      )
    }

    let database: string | null = null
    if (manifest.databaseIncluded && config.database.kind === 'sqlite') {
      database = config.database.file
      fs.mkdirSync(path.dirname(database), { recursive: true })
      // The copy's own journal files would belong to another database: none may survive it.
      for (const suffix of ['-journal', '-wal', '-shm'])
        fs.rmSync(database + suffix, { force: true })
      fs.copyFileSync(path.join(staging, 'database', 'payload.db'), database)
    }
    const secret = path.join(staging, SECRET_FILE)
    if (fs.existsSync(secret)) {
      fs.mkdirSync(config.dataDir, { recursive: true })
      fs.copyFileSync(secret, path.join(config.dataDir, SECRET_FILE))
    }
    if (manifest.mediaFiles > 0 && store) {
      await copyUploadsToStore(path.join(staging, 'media'), store)
    } else if (manifest.mediaFiles > 0) {
      fs.mkdirSync(config.mediaDir, { recursive: true })
      fs.cpSync(path.join(staging, 'media'), config.mediaDir, { recursive: true, force: true })
    }
    const uploadsTo = store?.location ?? config.mediaDir
    return { manifest, database, mediaFiles: manifest.mediaFiles, uploadsTo }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}
