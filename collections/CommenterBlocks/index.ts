import type { CollectionConfig } from 'payload'

import { moderators } from '@/access/moderators'
import { nobody } from '@/access/nobody'
import { refuseServerSetChange } from '@/cms/rejectFieldChanges'
import { BLOCK_KIND_LABELS, BLOCK_KINDS } from '@/comments/blocks/blockValues'

import { blockFromComment } from './endpoints/blockFromComment'
import { auditBlockChange } from './hooks/auditBlockChange'
import { checkBlockValue } from './hooks/checkBlockValue'
import { stampBlock } from './hooks/stampBlock'

const serverSet = {
  access: { create: nobody, update: nobody },
  hooks: { beforeValidate: [refuseServerSetChange] },
}

/**
 * Commenters whose new comments go straight to the trash (src/comments/submission): by email
 * address, IP address or CIDR address range, with a reason and an optional end date. Moderators
 * and admins manage them; a block is lifted, never deleted, and every block, change and lift is on
 * the audit trail.
 */
export const CommenterBlocks: CollectionConfig = {
  slug: 'commenter-blocks',
  labels: { singular: 'Commenter block', plural: 'Blocked commenters' },
  admin: {
    useAsTitle: 'value',
    defaultColumns: ['value', 'kind', 'reason', 'blockedByName', 'createdAt', 'until', 'lifted'],
    group: 'Discussion',
    listSearchableFields: ['value', 'reason'],
    description:
      'New comments from a blocked email address, IP address or address range go straight to the trash with the block’s reason. Lift a block to end it; blocks are never deleted.',
  },
  access: { read: moderators, create: moderators, update: moderators, delete: nobody },
  defaultSort: '-createdAt',
  disableDuplicate: true,
  endpoints: [blockFromComment],
  hooks: {
    beforeValidate: [checkBlockValue],
    beforeChange: [stampBlock],
    afterChange: [auditBlockChange],
  },
  fields: [
    {
      name: 'kind',
      label: 'Block by',
      type: 'select',
      required: true,
      index: true,
      options: BLOCK_KINDS.map((value) => ({ label: BLOCK_KIND_LABELS[value], value })),
    },
    {
      name: 'value',
      label: 'Blocked',
      type: 'text',
      required: true,
      index: true,
      maxLength: 254,
      admin: {
        description:
          'An email address, an IP address, or a range written as CIDR (203.0.113.0/24, 2001:db8::/48). Cannot be changed: lift the block and add another.',
      },
    },
    {
      name: 'reason',
      type: 'text',
      required: true,
      maxLength: 500,
      admin: { description: 'Stored with each comment the block sends to the trash.' },
    },
    {
      name: 'until',
      label: 'Until',
      type: 'date',
      index: true,
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Leave empty to block until lifted.',
        components: { Cell: '/admin/cells/DateOrDashCell#DateOrDashCell' },
      },
    },
    {
      name: 'lifted',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: {
        position: 'sidebar',
        description: 'Ends the block. A lifted block cannot be reinstated: add a new one.',
        components: {
          Cell: {
            path: '/admin/cells/BooleanWordCell#BooleanWordCell',
            clientProps: { yes: 'Lifted' },
          },
        },
      },
    },
    {
      name: 'createdBy',
      label: 'Blocked by (account)',
      type: 'relationship',
      relationTo: 'users',
      ...serverSet,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      // Staff accounts are readable by admins only: the list shows moderators who blocked by the
      // email they had at the time, as the audit trail does.
      name: 'blockedByName',
      label: 'Blocked by',
      type: 'text',
      ...serverSet,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'liftedAt',
      type: 'date',
      ...serverSet,
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.lifted) },
    },
    {
      name: 'liftedBy',
      type: 'relationship',
      relationTo: 'users',
      ...serverSet,
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.lifted) },
    },
    {
      name: 'liftedByName',
      label: 'Lifted by',
      type: 'text',
      ...serverSet,
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.lifted) },
    },
    {
      name: 'fromComment',
      label: 'Blocked from comment',
      type: 'relationship',
      relationTo: 'comments',
      ...serverSet,
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.fromComment),
      },
    },
  ],
  timestamps: true,
}
