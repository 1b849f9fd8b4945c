import type { AppConfig } from '@/config/appConfig'

import { S3UploadStore } from './s3UploadStore'
import type { UploadStore } from './uploadStore'

/** The bucket S3_* names, or null when S3_BUCKET is unset (uploads are files in MEDIA_DIR). */
export function createUploadStore(config: Pick<AppConfig, 's3'>): UploadStore | null {
  return config.s3 ? new S3UploadStore(config.s3) : null
}
