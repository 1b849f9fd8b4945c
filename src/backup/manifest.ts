import type { DatabaseTarget } from '@/config/databaseUrl'

export const BACKUP_FORMAT = 'agency-blog-backup/1'

/** manifest.json, first in every archive: what it holds. */
export type BackupManifest = {
  format: typeof BACKUP_FORMAT
  createdAt: string
  database: DatabaseTarget['kind']
  /** Only SQLite is inside the archive; the other databases are dumped with their own tools. */
  databaseIncluded: boolean
  mediaFiles: number
  /**
   * Where the uploads were when S3_BUCKET was set (`s3://bucket/prefix (endpoint)`): they are not
   * in the archive; the bucket's own versioning or replication keeps them. Absent in older archives.
   */
  uploadsInBucket?: string
}
