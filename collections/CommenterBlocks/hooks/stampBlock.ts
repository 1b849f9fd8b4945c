import type { CollectionBeforeChangeHook } from 'payload'

import { RequestRefused } from '@/api/requestRefused'
import { actorOf } from '@/audit/recordAudit'
import type { CommenterBlock } from '@/payload-types'

/** Who acted, as the audit trail names them: the staff member's email, or the system. */
function actorName(req: Parameters<typeof actorOf>[0]): string {
  const actor = actorOf(req)
  return 'user' in actor ? actor.user.email : `system: ${actor.system}`
}

/**
 * Who blocked (on create), and who lifted and when (when `lifted` turns on). A lifted block stays
 * lifted: reinstating it would rewrite what the trail says ended, so a new block is added instead.
 */
export const stampBlock: CollectionBeforeChangeHook<CommenterBlock> = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation === 'create') {
    if (req.user && !data.createdBy) data.createdBy = req.user.id
    data.blockedByName = actorName(req)
    data.lifted = false
    data.liftedAt = null
    data.liftedBy = null
    return data
  }
  const wasLifted = originalDoc?.lifted === true
  if (wasLifted && data.lifted === false) {
    throw new RequestRefused('A lifted block cannot be reinstated: add a new block', 400)
  }
  if (!wasLifted && data.lifted === true) {
    data.liftedAt = new Date().toISOString()
    data.liftedBy = req.user?.id ?? null
    data.liftedByName = actorName(req)
  }
  return data
}
