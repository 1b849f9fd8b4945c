import type { CollectionBeforeChangeHook } from 'payload'

import { idOf } from '@/lib/idOf'
import type { Comment } from '@/payload-types'

/**
 * A new reply belongs to its parent's thread (the top-level comment it hangs under). The comment
 * pipeline sets it from the parent it has already read; this covers imported history.
 */
export const assignThread: CollectionBeforeChangeHook<Comment> = async ({
  data,
  operation,
  req,
}) => {
  const parentId = idOf(data.parent)
  if (operation !== 'create' || parentId === null || idOf(data.thread) !== null) return data
  const parent = await req.payload.findByID({
    collection: 'comments',
    id: parentId,
    depth: 0,
    req,
    disableErrors: true,
  })
  data.thread = parent ? ((idOf(parent.thread) ?? parent.id) as number) : null
  return data
}
