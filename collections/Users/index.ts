import type { CollectionConfig } from 'payload'

import { admins, adminsField } from '@/access/admins'
import { ROLES } from '@/access/roles'

import { selfOrAdmin } from './access/selfOrAdmin'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { rejectRoleChange } from './hooks/rejectRoleChange'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Staff account', plural: 'Staff accounts' },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'role'],
    group: 'Administration',
  },
  auth: {
    // Lock an account for 10 minutes after 5 wrong passwords.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
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
    beforeValidate: [rejectRoleChange],
    beforeChange: [makeFirstUserAdmin],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
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
  ],
  timestamps: true,
}
