import { type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook } from 'payload'
import { RequestRefused } from '@/api/requestRefused'

const MESSAGE = 'Audit entries cannot be changed or deleted'

/** Access already denies every API; these refuse server code too, so no path rewrites history. */
export const refuseAuditEdits: CollectionBeforeChangeHook = ({ data, operation }) => {
  if (operation === 'update') throw new RequestRefused(MESSAGE, 403)
  return data
}

export const refuseAuditDeletion: CollectionBeforeDeleteHook = () => {
  throw new RequestRefused(MESSAGE, 403)
}
