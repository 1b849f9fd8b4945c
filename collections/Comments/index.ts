import { validations, type CollectionConfig } from 'payload'

import { admins } from '@/access/admins'
import { anyone } from '@/access/anyone'
import { moderators, moderatorsField } from '@/access/moderators'
import { AGENCY_RESPONSE_MAX } from '@/comments/rules/agencyResponse'
import { HONEYPOT_FIELD } from '@/comments/rules/honeypot'
import { COMMENT_LIMITS, COMMENT_MESSAGES } from '@/comments/rules/messages'
import { COMMENT_STATUSES } from '@/comments/rules/statuses'
import { invalidateComments, invalidateDeletedComment } from '@/runtime/invalidateContent'

import { readApprovedOrModerator } from './access/readApprovedOrModerator'
import { moderateComments } from './endpoints/moderateComments'
import { moderationCounts } from './endpoints/moderationCounts'
import { moderationMatching } from './endpoints/moderationMatching'
import { replyToComment } from './endpoints/replyToComment'
import { exportComments } from './endpoints/exportComments'
import { postComment } from './endpoints/postComment'
import { assignThread } from './hooks/assignThread'
import { auditCommentDeletion, auditStatusChange } from './hooks/auditCommentChanges'
import { decideAkismetReport } from './hooks/decideAkismetReport'
import { refuseServerSetChange } from '@/cms/rejectFieldChanges'

import { decideNewComment } from './hooks/decideNewComment'
import { detachRepliesBeforeDelete } from './hooks/detachRepliesBeforeDelete'
import { maskStatusForReaders } from './hooks/maskStatusForReaders'
import { queueAkismetReport } from './hooks/queueAkismetReport'
import { recordNewComment } from './hooks/recordNewComment'
import { rejectReaderTextChanges } from './hooks/rejectReaderTextChanges'
import { trackStatusChange } from './hooks/trackStatusChange'

const serverSet = { create: () => false, update: () => false }
const statusOptions = COMMENT_STATUSES.map((value) => ({
  label: value[0].toUpperCase() + value.slice(1),
  value,
}))
const privateField = { read: moderatorsField, ...serverSet }
/** A change to a server-set field is refused by name (403), not dropped without a word. */
const serverSetHooks = { beforeValidate: [refuseServerSetChange] }

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
  // The reads that grow with the comment count: a post's approved comments in order (and its
  // counts), a thread's replies, a moderation tab newest first; and a submission's checks: an
  // address's latest comment (flood), the same text from the same email (duplicate), an
  // approved comment from this name and email (first-time moderation).
  indexes: [
    { fields: ['post', 'status', 'createdAt'] },
    // A post's top-level comments, paged and counted from the index alone (the post page, a
    // permalink's page): without `parent` in it, every approved comment's row was read to check it.
    { fields: ['post', 'status', 'parent', 'createdAt'] },
    { fields: ['thread', 'status', 'createdAt'] },
    { fields: ['status', 'createdAt'] },
    { fields: ['ip', 'createdAt'] },
    { fields: ['authorEmail', 'post'] },
    { fields: ['authorEmail', 'status'] },
  ],
  // Our POST / replaces Payload's create route: same rules, the documented error shape.
  endpoints: [
    postComment,
    moderateComments,
    moderationCounts,
    moderationMatching,
    exportComments,
    replyToComment,
  ],
  // A new comment: decideNewComment (GraphQL, Local API; the pipeline has decided its own),
  // then recordNewComment. A change: trackStatusChange, decideAkismetReport, auditStatusChange,
  // queueAkismetReport. The order within each list matters only where a comment says so.
  hooks: {
    beforeValidate: [rejectReaderTextChanges, decideNewComment],
    beforeChange: [assignThread, trackStatusChange, decideAkismetReport],
    afterChange: [recordNewComment, auditStatusChange, queueAkismetReport, invalidateComments],
    beforeDelete: [detachRepliesBeforeDelete],
    afterDelete: [auditCommentDeletion, invalidateDeletedComment],
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
    {
      // Lets the post page read a page of threads and all their replies in one query.
      name: 'thread',
      label: 'Thread',
      type: 'relationship',
      relationTo: 'comments',
      access: { create: () => false, update: () => false },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'The top-level comment this reply belongs to.',
        condition: (data) => Boolean(data?.thread),
      },
    },
    {
      name: 'authorName',
      label: 'Name',
      type: 'text',
      required: true,
      maxLength: COMMENT_LIMITS.name,
    },
    {
      name: 'authorEmail',
      label: 'Email',
      type: 'email',
      required: true,
      validate: (value, args) =>
        typeof value === 'string' && value.length > COMMENT_LIMITS.email
          ? COMMENT_MESSAGES.emailTooLong
          : validations.email(value, args),
      access: { read: moderatorsField },
    },
    { name: 'authorUrl', label: 'Website', type: 'text', maxLength: COMMENT_LIMITS.url },
    {
      name: 'body',
      label: 'Comment',
      type: 'textarea',
      required: true,
      maxLength: COMMENT_LIMITS.body,
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: statusOptions,
      // Set by the moderation rules on create, whatever the client sends.
      access: { create: () => false },
      hooks: { afterRead: [maskStatusForReaders] },
      admin: { position: 'sidebar' },
    },
    {
      name: 'statusReason',
      type: 'text',
      maxLength: 500,
      access: { read: moderatorsField, create: () => false },
      admin: { position: 'sidebar', description: 'Why the comment has its status.' },
    },
    {
      name: 'statusRule',
      label: 'Set by rule',
      type: 'text',
      maxLength: 100,
      access: privateField,
      hooks: serverSetHooks,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'The rule or job that set the status; empty when a staff member did.',
      },
    },
    {
      name: 'previousStatus',
      type: 'select',
      options: statusOptions,
      access: privateField,
      hooks: serverSetHooks,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'What "restore" and "not spam" return the comment to.',
      },
    },
    {
      name: 'statusChangedAt',
      type: 'date',
      index: true,
      access: privateField,
      hooks: serverSetHooks,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'submittedBy',
      label: 'Posted by staff member',
      type: 'relationship',
      relationTo: 'users',
      access: privateField,
      hooks: serverSetHooks,
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.submittedBy),
      },
    },
    {
      // Set by the comment pipeline for a comment a signed-in staff member posted (submittedBy):
      // the title the public page signs it with. Public, and stored on the comment, so that a
      // page of comments needs no join to show it.
      name: 'agencyResponse',
      label: 'Agency response',
      type: 'text',
      maxLength: AGENCY_RESPONSE_MAX,
      access: serverSet,
      hooks: serverSetHooks,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description:
          'Posted by staff: marked "Agency response" on the public page, with this title.',
        condition: (data) => Boolean(data?.agencyResponse),
      },
    },
    {
      name: HONEYPOT_FIELD,
      label: 'Honeypot (hidden form field; filled in only by bots)',
      type: 'text',
      maxLength: 1000,
      access: { read: moderatorsField, update: () => false },
      admin: { readOnly: true, condition: (data) => Boolean(data?.[HONEYPOT_FIELD]) },
    },
    {
      name: 'ip',
      label: 'IP address',
      type: 'text',
      index: true,
      access: privateField,
      hooks: serverSetHooks,
      admin: { readOnly: true },
    },
    {
      name: 'userAgent',
      type: 'text',
      access: privateField,
      hooks: serverSetHooks,
      admin: { readOnly: true },
    },
    {
      name: 'referrer',
      type: 'text',
      access: privateField,
      hooks: serverSetHooks,
      admin: { readOnly: true },
    },
    {
      name: 'spamCheck',
      type: 'group',
      // (A group: the admin's form may send it back with its empty parts spelled differently, so
      // it is left to field access, which keeps the stored value.)
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
        {
          name: 'discard',
          label: 'Blatant spam (Akismet pro-tip: discard)',
          type: 'checkbox',
          defaultValue: false,
        },
        { name: 'details', type: 'json' },
      ],
    },
    {
      // The WordPress import's id for the comment, to match it on the next run.
      name: 'importedFrom',
      type: 'text',
      unique: true,
      access: { read: moderatorsField, create: () => false, update: () => false },
      hooks: serverSetHooks,
      admin: { readOnly: true, condition: (data) => Boolean(data?.importedFrom) },
    },
    {
      name: 'history',
      label: 'Moderation history',
      type: 'join',
      collection: 'audit-entries',
      on: 'comment',
      defaultSort: 'createdAt',
      defaultLimit: 50,
      access: { read: moderatorsField },
      admin: { defaultColumns: ['createdAt', 'actorName', 'from', 'to', 'reason'] },
    },
  ],
  timestamps: true,
}
