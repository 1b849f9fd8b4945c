import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { Media } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'
import { removeStoredFiles } from '@/uploads/removeStoredFiles'
import { storedNamesOf } from '@/uploads/storedNames'

type OutgoingFile = { name: string; data: Buffer; contentType: string }

/** The files this request made: the upload as Payload kept it, and the copies it resized. */
function filesOfRequest(doc: Media, req: PayloadRequest): OutgoingFile[] {
  const file = req.file
  if (!file?.data?.length || !doc.filename || !doc.mimeType) return []
  const files = [{ name: doc.filename, data: file.data, contentType: doc.mimeType }]
  for (const [size, stored] of Object.entries(doc.sizes ?? {})) {
    const data = req.payloadUploadSizes?.[size]
    if (data && stored?.filename && stored.mimeType) {
      files.push({ name: stored.filename, data, contentType: stored.mimeType })
    }
  }
  return files
}

/** What the row says about its file, as it was before this request. */
function fileFieldsOf(doc: Media) {
  const { filename, mimeType, filesize, width, height, focalX, focalY, sizes } = doc
  return { filename, mimeType, filesize, width, height, focalX, focalY, sizes }
}

/**
 * Without a transaction (Payload runs SQLite without one) a failed write to the bucket would
 * leave a row naming files that are not stored: take the row back to what it was.
 */
async function undoWithoutTransaction(
  req: PayloadRequest,
  doc: Media,
  previousDoc: Media | undefined,
) {
  if (req.transactionID && (await req.transactionID)) return
  const where = { id: { equals: doc.id } }
  if (!previousDoc?.id) {
    await req.payload.db.deleteOne({ collection: 'media', where, req })
  } else {
    await req.payload.db.updateOne({
      collection: 'media',
      where,
      data: fileFieldsOf(previousDoc),
      req,
    })
  }
}

/**
 * With S3_BUCKET set, writes a new or replaced image and its resized copies to the bucket (Payload
 * writes nothing to MEDIA_DIR then), and removes the files a replaced image leaves behind. It runs
 * once the row is written and valid, before the transaction commits: a failed write to the bucket
 * fails the request and the row is rolled back, so no document names a file that is not stored.
 */
export const storeUploadedFiles: CollectionAfterChangeHook<Media> = async ({
  doc,
  operation,
  previousDoc,
  req,
}) => {
  const { uploads } = runtimeOf(req.payload)
  if (!uploads) return doc
  const files = filesOfRequest(doc, req)
  if (files.length === 0) return doc
  try {
    await Promise.all(files.map((file) => uploads.put(file.name, file.data, file.contentType)))
  } catch (error) {
    req.payload.logger.error(
      { err: error, files: files.map((file) => file.name), store: uploads.location },
      'could not store an uploaded image in S3',
    )
    await undoWithoutTransaction(req, doc, operation === 'update' ? previousDoc : undefined)
    throw error
  }
  if (operation === 'update') {
    const kept = new Set(storedNamesOf(doc))
    await removeStoredFiles(
      req,
      storedNamesOf(previousDoc).filter((name) => !kept.has(name)),
    )
  }
  return doc
}
