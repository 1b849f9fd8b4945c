import type { GlobalAfterChangeHook } from 'payload'

import { actorOf, recordAudit } from '@/audit/recordAudit'

const IGNORED = new Set(['id', 'globalType', 'createdAt', 'updatedAt'])
const SHOWN = 200

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null)
  return text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text
}

/**
 * The entry's from and to: the value itself when one field changed, otherwise `field: value` for
 * each changed field, so the list shows every change without opening the entry's details.
 */
function sideOf(changes: Record<string, { from: unknown; to: unknown }>, side: 'from' | 'to') {
  const fields = Object.keys(changes)
  if (fields.length === 1) return shown(changes[fields[0]][side])
  return fields.map((field) => `${field}: ${shown(changes[field][side])}`).join('; ')
}

/** One audit entry per settings save that changed anything, listing each field from -> to. */
export const auditSettingsChange: GlobalAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of Object.keys({ ...previousDoc, ...doc })) {
    if (IGNORED.has(key)) continue
    const from = previousDoc?.[key] ?? null
    const to = doc?.[key] ?? null
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to }
  }
  const fields = Object.keys(changes)
  if (fields.length === 0) return doc
  await recordAudit(req, {
    action: 'settings-change',
    actor: actorOf(req),
    summary: `Site settings changed: ${fields.join(', ')}`,
    targetType: 'settings',
    targetId: 'site-settings',
    targetLabel: 'Site settings',
    from: sideOf(changes, 'from'),
    to: sideOf(changes, 'to'),
    details: { changes },
  })
  return doc
}
