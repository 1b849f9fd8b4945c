import type { Payload } from 'payload'

import { runtimeOf } from '@/runtime/runtime'

/**
 * At start-up, one request to the bucket: a wrong endpoint, bucket or key is logged now, naming
 * the bucket, instead of on the first upload. The server still starts (the store may be down for
 * a moment); uploads and image requests fail with a logged error until it answers.
 */
export async function checkUploadStore(payload: Payload): Promise<void> {
  const { uploads } = runtimeOf(payload)
  if (!uploads) return
  try {
    await uploads.isEmpty()
    payload.logger.info({ store: uploads.location }, 'uploads are stored in S3')
  } catch (error) {
    payload.logger.error(
      { err: error, store: uploads.location },
      'the S3 bucket for uploads cannot be listed: check S3_BUCKET, S3_ENDPOINT, S3_REGION and the credentials',
    )
  }
}
