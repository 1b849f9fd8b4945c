import type { PayloadRequest } from 'payload'

import { runtimeOf } from '@/runtime/runtime'

/**
 * Removes files from the store. A failure is logged with the names and does not undo the change:
 * the files are then unreachable (only names a document holds are served) and can be removed
 * by hand.
 */
export async function removeStoredFiles(req: PayloadRequest, names: string[]): Promise<void> {
  const { uploads } = runtimeOf(req.payload)
  if (!uploads || names.length === 0) return
  const results = await Promise.allSettled(names.map((name) => uploads.remove(name)))
  const failed = names.filter((_, i) => results[i].status === 'rejected')
  if (failed.length > 0) {
    const reason = results.find((result) => result.status === 'rejected')?.reason
    req.payload.logger.error(
      { err: reason, files: failed, store: uploads.location },
      'could not remove stored upload files; remove them by hand',
    )
  }
}
