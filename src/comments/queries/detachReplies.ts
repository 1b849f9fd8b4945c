import type { PayloadRequest } from 'payload'

import type { Id } from '@/lib/idOf'

/** Replies moved at a time; a level of a thread larger than this is moved in several steps. */
const STEP = 1000

const ids = (docs: { id: Id }[]) => docs.map((doc) => doc.id)

/**
 * Before comments are deleted (by an admin, or by the retention purge): their direct replies
 * become top-level comments, each the start of its own thread, and everything below a reply
 * joins that reply's thread. Replies are never deleted with their parent, and none is left
 * pointing at a thread that no longer exists (the post page reads replies by thread).
 */
export async function detachReplies(req: PayloadRequest, parents: Id[]): Promise<void> {
  const { payload } = req
  const move = (where: object, data: object) =>
    payload.update({
      collection: 'comments',
      where: where as never,
      data,
      depth: 0,
      req,
      context: { trustedServerChange: true },
    })
  const below = async (frontier: Id[]) => {
    const found = await payload.find({
      collection: 'comments',
      where: { parent: { in: frontier } },
      limit: STEP,
      pagination: false,
      depth: 0,
      select: {},
      req,
    })
    return ids(found.docs)
  }
  for (let children = await below(parents); children.length; children = await below(parents)) {
    for (const child of children) {
      await move({ id: { equals: child } }, { parent: null, thread: null })
      for (let level = await below([child]); level.length; level = await below(level)) {
        await move({ id: { in: level } }, { thread: child })
      }
    }
  }
}
