import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '@/lib/idOf'
import type { Redirect } from '@/payload-types'

const BATCH = 100

/**
 * Redirects that led to this one's `from` path now lead straight to its target: readers are never
 * sent through two redirects (a hand-made redirect to /posts/a keeps working, in one step, after
 * post a is renamed). Each is updated through the Local API, so it is checked and audited.
 */
export const flattenChainsInto: CollectionAfterChangeHook<Redirect> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation === 'update' && previousDoc?.from === doc.from) return doc
  const to = { type: doc.to.type, post: idOf(doc.to.post), url: doc.to.url ?? null }
  // Each round repoints what it found, so the next finds the rest; the loop ends when none is left.
  for (;;) {
    const { docs } = await req.payload.find({
      collection: 'redirects',
      where: {
        'to.type': { equals: 'url' },
        'to.url': { equals: doc.from },
        id: { not_equals: doc.id },
      },
      limit: BATCH,
      depth: 0,
      req,
      overrideAccess: true,
    })
    for (const incoming of docs) {
      await req.payload.update({
        collection: 'redirects',
        id: incoming.id,
        data: { to: to as Redirect['to'] },
        depth: 0,
        req,
        overrideAccess: true,
      })
    }
    if (docs.length < BATCH) return doc
  }
}
