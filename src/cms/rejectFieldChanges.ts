import type { CollectionBeforeValidateHook, FieldHook, PayloadRequest } from 'payload'

import type { User } from '@/payload-types'
import { RequestRefused } from '@/api/requestRefused'

type Options = {
  /** Top-level field names the rule guards. */
  fields: string[]
  /** Who may change them. Server code calling the Local API without a user is always trusted. */
  allowed: (user: User) => boolean
  /** What a refused caller is told (403). */
  message: string
  /**
   * Checked on create too: the values a new document may carry in these fields (e.g. defaults).
   * Without it the rule guards updates only (Payload fills every field in on create).
   */
  createDefaults?: Record<string, unknown>
}

/** Relationship values arrive as ids or populated docs; compare them by id. An empty text is none. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise)
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: unknown }).id
  return value === '' ? null : (value ?? null)
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b))
}

/**
 * Server code calling the Local API without a user, or with `context.trustedServerChange` (jobs
 * that may run on an admin's request, such as the retention purge).
 */
export function isTrustedServerCall(req: PayloadRequest): boolean {
  return (!req.user && req.payloadAPI === 'local') || req.context?.trustedServerChange === true
}

/**
 * Refuses, with a clear 403 and before anything is written, a change to fields the caller's role
 * may not touch. Field-level access alone would drop such a change silently.
 */
export function rejectFieldChanges(options: Options): CollectionBeforeValidateHook {
  return ({ data, originalDoc, operation, req }) => {
    if (!data || isTrustedServerCall(req)) return data
    if (operation === 'create' && !options.createDefaults) return data
    if (req.user && options.allowed(req.user as User)) return data
    const changed = options.fields.find((field) => {
      if (!(field in data)) return false
      if (operation === 'create' && !(field in options.createDefaults!)) return false
      const before =
        operation === 'update'
          ? (originalDoc as Record<string, unknown> | undefined)?.[field]
          : options.createDefaults?.[field]
      return !sameValue(data[field], before)
    })
    if (changed) throw new RequestRefused(`${options.message} (field: ${changed})`, 403)
    return data
  }
}

/**
 * A field hook for fields only the server writes (a comment's IP address, a post's creator):
 * a caller who sends a value other than the stored one gets a 403 naming the field. Field access
 * alone (`create`/`update: () => false`) would drop the value silently. Server code that skips
 * access control (overrideAccess) and trusted server calls may write them.
 */
export const refuseServerSetChange: FieldHook = ({
  field,
  operation,
  overrideAccess,
  previousValue,
  req,
  value,
}) => {
  if (overrideAccess || isTrustedServerCall(req) || value === undefined) return value
  const before = operation === 'update' ? previousValue : null
  if (!sameValue(value, before)) {
    const name = 'name' in field ? field.name : 'unknown'
    throw new RequestRefused(
      `This field is set by the server and cannot be changed (field: ${name})`,
      403,
    )
  }
  return value
}
