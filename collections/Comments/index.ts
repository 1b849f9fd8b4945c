import { validations, type CollectionConfig } from 'payload'

import { admins } from '@/access/admins'
import { anyone } from '@/access/anyone'
import { moderators, moderatorsField } from '@/access/moderators'

import { readApprovedOrModerator } from './access/readApprovedOrModerator'
import { recordSubmitter } from './hooks/recordSubmitter'
import { rejectReaderTextChanges } from './hooks/rejectReaderTextChanges'

export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const

const serverSet = { create: () => false, update: () => false }
const privateField = { read: moderatorsField, ...serverSet }

/**
 * Public comments. The body is plain text: it is stored as given and only ever rendered as text.
 * Private fields (email, IP, user agent, referrer, spam check) are readable by moderators only,
 * through every API and at every depth of population.
 */
export const Comments: CollectionConfig = {
  slug: 'comments',
  admin: {
    useAsTitle: 'authorName',
    defaultColumns: ['authorName', 'post', 'status', 'createdAt'],
    group: 'Discussion',
  },
  access: {
    read: readApprovedOrModerator,
    create: anyone,
    update: moderators,
    delete: admins,
  },
  defaultSort: 'createdAt',
  hooks: {
    beforeValidate: [rejectReaderTextChanges],
    beforeChange: [recordSubmitter],
  },
  fields: [
    { name: 'post', type: 'relationship', relationTo: 'posts', required: true, index: true },
    {
      name: 'parent',
      label: 'In reply to',
      type: 'relationship',
      relationTo: 'comments',
      index: true,
    },
    { name: 'authorName', label: 'Name', type: 'text', required: true, maxLength: 245 },
    {
      name: 'authorEmail',
      label: 'Email',
      type: 'email',
      required: true,
      validate: (value, args) =>
        typeof value === 'string' && value.length > 100
          ? 'Email must be at most 100 characters.'
          : validations.email(value, args),
      access: { read: moderatorsField },
    },
    { name: 'authorUrl', label: 'Website', type: 'text', maxLength: 200 },
    { name: 'body', label: 'Comment', type: 'textarea', required: true, maxLength: 65525 },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: COMMENT_STATUSES.map((value) => ({
        label: value[0].toUpperCase() + value.slice(1),
        value,
      })),
      access: { create: moderatorsField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'statusReason',
      type: 'text',
      access: { read: moderatorsField, create: moderatorsField },
      admin: { position: 'sidebar', description: 'Why the comment has its status.' },
    },
    {
      name: 'ip',
      label: 'IP address',
      type: 'text',
      access: privateField,
      admin: { readOnly: true },
    },
    { name: 'userAgent', type: 'text', access: privateField, admin: { readOnly: true } },
    { name: 'referrer', type: 'text', access: privateField, admin: { readOnly: true } },
    {
      name: 'spamCheck',
      type: 'group',
      access: privateField,
      admin: { description: 'Filled by the spam checker.', readOnly: true },
      fields: [
        {
          name: 'verdict',
          type: 'select',
          defaultValue: 'unchecked',
          options: ['unchecked', 'ham', 'spam', 'error'].map((value) => ({ label: value, value })),
        },
        { name: 'checkedAt', type: 'date' },
        { name: 'details', type: 'json' },
      ],
    },
  ],
  timestamps: true,
}
