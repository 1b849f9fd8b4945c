import type { CollectionBeforeDeleteHook } from 'payload'

const BATCH = 100

/** A deleted post's redirects would lead nowhere: they go with it, each one audited. */
export const removeRedirectsToPost: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (;;) {
    const { docs } = await req.payload.find({
      collection: 'redirects',
      where: { 'to.type': { equals: 'post' }, 'to.post': { equals: id } },
      limit: BATCH,
      depth: 0,
      select: {},
      req,
      overrideAccess: true,
    })
    for (const { id: redirect } of docs) {
      await req.payload.delete({ collection: 'redirects', id: redirect, req, overrideAccess: true })
    }
    if (docs.length < BATCH) return
  }
}
