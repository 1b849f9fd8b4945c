import type { CollectionConfig } from 'payload'

import { admins, adminsField } from '@/access/admins'
import { ROLES } from '@/access/roles'
import { refuseServerSetChange } from '@/cms/rejectFieldChanges'
import { NOTICE_FREQUENCIES, NOTICE_FREQUENCY_LABELS } from '@/notifications/staffNotices'

import { selfOrAdmin } from './access/selfOrAdmin'
import { clearSignInAttempts } from './hooks/clearSignInAttempts'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { rejectRoleChange } from './hooks/rejectRoleChange'
import { rejectTitleChange } from './hooks/rejectTitleChange'
import { throttleSignIn } from './hooks/throttleSignIn'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Staff account', plural: 'Staff accounts' },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'role'],
    group: 'Administration',
  },
  auth: {
    // No account lockout: it let anyone lock a staff member out, and its "locked" answer told
    // which accounts exist. Sign-ins are throttled per address and account instead.
    maxLoginAttempts: 0,
  },
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    create: admins,
    read: selfOrAdmin,
    update: selfOrAdmin,
    delete: admins,
    unlock: admins,
  },
  hooks: {
    beforeOperation: [throttleSignIn],
    afterLogin: [clearSignInAttempts],
    beforeValidate: [rejectRoleChange, rejectTitleChange],
    beforeChange: [makeFirstUserAdmin],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'title',
      label: 'Public title',
      type: 'text',
      maxLength: 120,
      // Changes by non-admins are refused by rejectTitleChange with a 403.
      access: { create: adminsField },
      admin: {
        description:
          'Shown with this person\'s replies to readers, marked "Agency response" (e.g. "Public Affairs Office"). Empty: the agency name from the site settings.',
      },
    },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'author',
      options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      saveToJWT: true,
      // Changes by non-admins are refused by rejectRoleChange with a 403 rather than dropped.
      access: { create: adminsField },
      admin: {
        description:
          'Admin: users and settings. Editor: every post. Author: their own posts, as drafts. Moderator: comments and threads.',
      },
    },
    {
      // The collection's update rule (selfOrAdmin) is this field's: the account's owner or an admin.
      name: 'notificationFrequency',
      label: 'Email me about work waiting for me',
      type: 'select',
      options: NOTICE_FREQUENCIES.map((value) => ({
        label: NOTICE_FREQUENCY_LABELS[value],
        value,
      })),
      admin: {
        description:
          'Covers comments held for moderation (admins and moderators) and drafts submitted for review (admins and editors); a digest has a section for each. Left empty: an email for each one at once. Authors are sent neither; editors are not sent held comments (their email and IP address are for moderators).',
      },
    },
    {
      // Where the next digest starts: written by the digest job only, so a restart neither
      // repeats a digest nor skips comments.
      name: 'lastDigestAt',
      label: 'Last digest sent',
      type: 'date',
      hooks: { beforeValidate: [refuseServerSetChange] },
      admin: {
        readOnly: true,
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        condition: (data) => Boolean(data?.lastDigestAt),
      },
    },
  ],
  timestamps: true,
}
