import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { staffUser } from '@/access/roles'

import { refuseBadQueries } from './refuseBadQueries'

/** The most documents one REST or GraphQL page holds: for the public, and for signed-in staff. */
export const MAX_PAGE_SIZE = { public: 100, staff: 500 } as const

/**
 * Every read over REST and GraphQL is paged, at most MAX_PAGE_SIZE documents a page: a request
 * for `limit=1000000`, `limit=0` or `pagination=false` gets a page of the maximum size and the
 * usual `totalDocs` / `hasNextPage` to go on with. Server code (the Local API) pages itself.
 */
export const capPageSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || req.payloadAPI === 'local' || !('limit' in args)) return args
  const max = staffUser(req) ? MAX_PAGE_SIZE.staff : MAX_PAGE_SIZE.public
  const asked = Number(args.limit)
  // No limit: Payload's default page of 10, unless the caller asked for everything.
  const everything = asked === 0 || (args.pagination === false && !(asked > 0))
  const limit = everything ? max : asked > 0 ? Math.min(asked, max) : undefined
  return { ...args, pagination: true, limit }
}

/** The collection with refuseBadQueries and capPageSize first among its beforeOperation hooks. */
export function withReadLimits(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  const first = [refuseBadQueries, capPageSize]
  return {
    ...collection,
    hooks: { ...hooks, beforeOperation: [...first, ...(hooks.beforeOperation ?? [])] },
  }
}
