import type { GlobalConfig } from 'payload'

import { admins } from '@/access/admins'
import { anyone } from '@/access/anyone'

export const DEFAULT_ARCHIVE_NOTICE =
  'This page is archived and is no longer updated. Links to other websites may no longer work, and they are not an endorsement of the views those sites contain.'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Site settings',
  admin: { group: 'Administration' },
  access: {
    read: anyone,
    update: admins,
  },
  fields: [
    { name: 'siteName', type: 'text', required: true, defaultValue: 'Agency Blog', maxLength: 120 },
    {
      name: 'agencyName',
      type: 'text',
      required: true,
      defaultValue: 'U.S. Agency',
      maxLength: 200,
    },
    {
      name: 'archiveNotice',
      label: 'Archive banner text',
      type: 'textarea',
      required: true,
      defaultValue: DEFAULT_ARCHIVE_NOTICE,
      maxLength: 1000,
    },
    {
      name: 'currentSiteUrl',
      label: 'Current site URL',
      type: 'text',
      required: true,
      defaultValue: 'https://www.example.gov/',
      admin: { description: 'Where the archive banner sends readers for up-to-date information.' },
      validate: (value: string | null | undefined) => {
        try {
          const url = new URL(value ?? '')
          return url.protocol === 'https:' || url.protocol === 'http:'
            ? true
            : 'Enter an http(s) address.'
        } catch {
          return 'Enter a full address, such as https://www.example.gov/.'
        }
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'commentsPerPage',
          type: 'number',
          required: true,
          defaultValue: 50,
          min: 5,
          max: 500,
          admin: { description: 'Top-level comments per page of a thread.' },
        },
        {
          name: 'commentNestingDepth',
          type: 'number',
          required: true,
          defaultValue: 5,
          min: 1,
          max: 10,
          admin: { description: 'Deeper replies are shown at this level.' },
        },
      ],
    },
    {
      name: 'showGovBanner',
      label: 'Show the official U.S. government banner',
      type: 'checkbox',
      defaultValue: true,
    },
  ],
}
