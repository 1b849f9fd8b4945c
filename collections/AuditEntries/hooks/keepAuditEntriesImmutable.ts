import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook } from 'payload'

const MESSAGE = 'Audit entries cannot be changed or deleted'

/** Access already denies every API; these refuse server code too, so no path rewrites history. */
export const refuseAuditEdits: CollectionBeforeChangeHook = ({ data, operation }) => {
  if (operation === 'update') throw new APIError(MESSAGE, 403, undefined, true)
  return data
}

export const refuseAuditDeletion: CollectionBeforeDeleteHook = () => {
  throw new APIError(MESSAGE, 403, undefined, true)
}
