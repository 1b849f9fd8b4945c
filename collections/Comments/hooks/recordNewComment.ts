import type { CollectionAfterChangeHook } from 'payload'

import { recordNewComment as record } from '@/comments/submission/record'
import type { Comment } from '@/payload-types'

/** A new comment's first status on record, and its emails and spam checks queued. */
export const recordNewComment: CollectionAfterChangeHook<Comment> = async ({
  data,
  doc,
  operation,
  req,
  context,
}) => {
  // A WordPress import run records one entry for everything it wrote, and notifies no one.
  if (operation !== 'create' || context.importRun) return doc
  // `doc` is what the caller may read (a reader sees no private field); `data` is what was stored.
  await record(req, { ...doc, ...data } as Comment, { imported: Boolean(context.importing) })
  return doc
}
