import type { CollectionAfterDeleteHook } from 'payload'

import type { Media } from '@/payload-types'
import { removeStoredFiles } from '@/uploads/removeStoredFiles'
import { storedNamesOf } from '@/uploads/storedNames'

/** With S3_BUCKET set, a deleted image's original and resized copies leave the bucket. */
export const deleteStoredFiles: CollectionAfterDeleteHook<Media> = async ({ doc, req }) => {
  await removeStoredFiles(req, storedNamesOf(doc))
  return doc
}
