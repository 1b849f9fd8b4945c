import type { Payload, Where } from 'payload'

import type { AuditEntry } from '@/payload-types'

/** Audit entries matching `where`, oldest first, read past access control. */
export async function auditEntries(payload: Payload, where: Where = {}): Promise<AuditEntry[]> {
  const { docs } = await payload.find({
    collection: 'audit-entries',
    where,
    sort: 'id',
    pagination: false,
    depth: 0,
  })
  return docs
}

/** The audit trail of one comment, oldest first. */
export function auditEntriesOfComment(payload: Payload, id: number | string) {
  return auditEntries(payload, { comment: { equals: id } })
}

/** How many audit entries exist: compare around an action that must not be recorded. */
export async function auditCount(payload: Payload): Promise<number> {
  return (await payload.count({ collection: 'audit-entries' })).totalDocs
}
