import fs from 'node:fs'
import path from 'node:path'

import { rasterImageType } from '@/lib/rasterImageType'
import type { UploadStore } from '@/uploads/uploadStore'

/**
 * Puts the uploads of an archive (a folder of files, as MEDIA_DIR holds them) into the bucket,
 * one file at a time: a restore, or the move of a site from MEDIA_DIR to S3. Returns how many.
 */
export async function copyUploadsToStore(dir: string, store: UploadStore): Promise<number> {
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== '.gitkeep')
  for (const entry of files) {
    const file = path.join(entry.parentPath, entry.name)
    const name = path.relative(dir, file).split(path.sep).join('/')
    const data = fs.readFileSync(file)
    await store.put(name, data, rasterImageType(data) ?? 'application/octet-stream')
  }
  return files.length
}
