import type { CollectionConfig } from 'payload'

import { moderators } from '@/access/moderators'
import { nobody } from '@/access/nobody'
import { AUDIT_ACTIONS, AUDIT_TARGETS } from '@/audit/recordAudit'

import { refuseAuditDeletion, refuseAuditEdits } from './hooks/keepAuditEntriesImmutable'

/** An empty from, to or reason reads "—" in the list, not Payload's "<No From>". */
const EMPTY_AS_DASH = '/admin/cells/EmptyAsDashCell#EmptyAsDashCell'

/**
 * The record of every moderation action: comment status changes, deletions and purges, threads
 * opened and closed, settings changed. Written only by server code through recordAudit(); no API
 * can edit or delete an entry, and hooks refuse even trusted server code.
 */
export const AuditEntries: CollectionConfig = {
  slug: 'audit-entries',
  labels: { singular: 'Audit entry', plural: 'Audit trail' },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'action', 'actorName', 'targetLabel', 'from', 'to', 'reason'],
    group: 'Discussion',
    listSearchableFields: ['summary', 'actorName', 'targetLabel', 'reason'],
    description:
      'Every comment status change, deletion and purge, every thread opened or closed, every settings change. Entries cannot be edited or deleted.',
  },
  access: {
    read: moderators,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  defaultSort: '-createdAt',
  disableDuplicate: true,
  hooks: {
    beforeChange: [refuseAuditEdits],
    beforeDelete: [refuseAuditDeletion],
  },
  fields: [
    {
      // Payload's own timestamp, declared here only to show it in the agency's time zone in the
      // list (Payload's date cell uses the browser's zone). Same column and index as Payload's.
      name: 'createdAt',
      label: 'Created At',
      type: 'date',
      index: true,
      admin: {
        hidden: true,
        disableBulkEdit: true,
        components: { Cell: '/admin/AgencyDateCell#AgencyDateCell' },
      },
    },
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: AUDIT_ACTIONS.map((value) => ({ label: value, value })),
    },
    { name: 'summary', type: 'text', required: true },
    {
      name: 'actorType',
      type: 'select',
      required: true,
      options: [
        { label: 'User', value: 'user' },
        { label: 'System', value: 'system' },
      ],
    },
    { name: 'actor', type: 'relationship', relationTo: 'users', index: true },
    {
      name: 'actorName',
      type: 'text',
      required: true,
      admin: { description: "The user's email at the time, or system and the rule that acted." },
    },
    {
      name: 'targetType',
      type: 'select',
      required: true,
      index: true,
      options: AUDIT_TARGETS.map((value) => ({ label: value, value })),
    },
    { name: 'targetId', type: 'text', index: true },
    { name: 'targetLabel', type: 'text' },
    { name: 'comment', type: 'relationship', relationTo: 'comments', index: true },
    { name: 'post', type: 'relationship', relationTo: 'posts', index: true },
    { name: 'from', type: 'text', admin: { components: { Cell: EMPTY_AS_DASH } } },
    { name: 'to', type: 'text', admin: { components: { Cell: EMPTY_AS_DASH } } },
    { name: 'reason', type: 'text', admin: { components: { Cell: EMPTY_AS_DASH } } },
    { name: 'details', type: 'json' },
  ],
  timestamps: true,
}
