import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { runtimeOf } from '@/runtime/runtime'

/**
 * Tells the request log who a request acted for. Authentication happens inside Payload (the
 * session cookie is checked there), so the front learns the user from the first operation the
 * request runs, through the runtime's response scope.
 */
const noteRequestUser: CollectionBeforeOperationHook = ({ args, req }) => {
  if (req.user) runtimeOf(req.payload).responses.noteUser(req.user.id)
  return args
}

/** The collection with noteRequestUser first among its beforeOperation hooks. */
export function withRequestUserNote(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: { ...hooks, beforeOperation: [noteRequestUser, ...(hooks.beforeOperation ?? [])] },
  }
}
