import type { PayloadRequest } from 'payload'

import { staffUser } from '@/access/roles'
import type { User } from '@/payload-types'

export const AUDIT_ACTIONS = [
  'comment-status',
  'comment-delete',
  'comment-purge',
  'comment-export',
  'thread-close',
  'thread-open',
  'settings-change',
  'import',
  'commenter-block',
  'commenter-block-lift',
  'commenter-block-change',
  'post-submit',
  'post-publish',
  'redirect-create',
  'redirect-change',
  'redirect-delete',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** What an entry is about; `import` is a whole WordPress import run (its file and counts). */
export const AUDIT_TARGETS = [
  'comment',
  'post',
  'settings',
  'import',
  'commenter-block',
  'redirect',
] as const
export type AuditTarget = (typeof AUDIT_TARGETS)[number]

/** Who acted: a signed-in user, or the system and the rule or job that acted for it. */
export type AuditActor = { user: Pick<User, 'id' | 'email'> } | { system: string }

export type AuditEntryInput = {
  action: AuditAction
  actor: AuditActor
  summary: string
  targetType: AuditTarget
  targetId?: number | string | null
  targetLabel?: string | null
  comment?: number | string | null
  post?: number | string | null
  from?: string | null
  to?: string | null
  reason?: string | null
  details?: Record<string, unknown> | null
}

/** The actor of a change made through `req`: its staff user, or the system rule that acted. */
export function actorOf(req: PayloadRequest, systemRule = 'system'): AuditActor {
  const user = staffUser(req)
  return user ? { user } : { system: systemRule }
}

/**
 * Writes one audit entry in the request's transaction, so the entry exists exactly when the change
 * it records does.
 */
export async function recordAudit(req: PayloadRequest, entry: AuditEntryInput): Promise<void> {
  const { actor, ...rest } = entry
  await req.payload.create({
    collection: 'audit-entries',
    req,
    overrideAccess: true,
    depth: 0,
    // Ids are numbers on SQL databases and strings on MongoDB; the generated types know only one.
    data: {
      ...(rest as Omit<AuditEntryInput, 'actor' | 'comment' | 'post'> & {
        comment?: number | null
        post?: number | null
      }),
      targetId: rest.targetId == null ? null : String(rest.targetId),
      actorType: 'user' in actor ? 'user' : 'system',
      actor: 'user' in actor ? actor.user.id : null,
      actorName: 'user' in actor ? actor.user.email : `system: ${actor.system}`,
    },
  })
}
