/**
 * `npm run backup [-- --out <file>]` and `npm run restore -- <archive> [--force]`, with the
 * server's own configuration (DATA_DIR, MEDIA_DIR, DATABASE_URL, S3_*). Payload is not loaded: the
 * backup reads the SQLite file and the uploads folder directly.
 */
import path from 'node:path'

import { readConfigForImport } from '@/config/appConfig'
import { ConfigError } from '@/config/configError'
import { PROJECT_ROOT } from '@/config/projectPaths'
import { exitWithMessage as fail } from '@/lib/exitWithMessage'

import { createBackup } from './backup'
import { restoreBackup, RestoreRefused } from './restore'

const USAGE =
  'usage: npm run backup [-- --out <file.tar.gz>] | npm run restore -- <archive> [--force]'

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')
}

async function runCommand() {
  const [command, ...args] = process.argv.slice(2)
  const config = readConfigForImport()
  if (command === 'backup') {
    const outIndex = args.indexOf('--out')
    const out =
      outIndex === -1
        ? path.join(PROJECT_ROOT, 'backups', `agency-blog-${stamp(new Date())}.tar.gz`)
        : args[outIndex + 1]
    if (!out) fail(USAGE)
    const { archive, manifest } = await createBackup(config, out)
    console.log(`Backup written: ${archive}`)
    console.log(
      `  ${manifest.databaseIncluded ? 'SQLite database, ' : ''}${manifest.mediaFiles} upload files`,
    )
    if (manifest.uploadsInBucket) {
      console.log(
        `  The uploads are not in the archive: they are in ${manifest.uploadsInBucket}; keep them with the bucket's versioning or replication (docs/uploads-s3.md).`,
      )
    }
    if (!manifest.databaseIncluded) {
      console.log(
        `  The ${manifest.database} database is not in the archive: dump it with its own tool (README, "Backup and restore").`,
      )
    }
    return
  }
  if (command === 'restore') {
    const archive = args.find((arg) => !arg.startsWith('--'))
    if (!archive) fail(USAGE)
    const { database, mediaFiles, manifest, uploadsTo } = await restoreBackup(config, archive, {
      force: args.includes('--force'),
    })
    console.log(`Restored from ${archive} (made ${manifest.createdAt}):`)
    if (database) console.log(`  database: ${database}`)
    console.log(`  uploads:  ${mediaFiles} files in ${uploadsTo}`)
    if (manifest.uploadsInBucket) {
      console.log(
        `  The archive holds no uploads: they were in ${manifest.uploadsInBucket} (restore the bucket from its own versions).`,
      )
    }
    return
  }
  fail(USAGE)
}

runCommand().catch((error: unknown) => {
  if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`)
  if (error instanceof RestoreRefused) fail(`Restore refused: ${error.message}`)
  fail(`Backup failed: ${(error as Error).message}`)
})
