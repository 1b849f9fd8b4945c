import type { GlobalConfig } from 'payload'

import { admins } from '@/access/admins'
import { anyone } from '@/access/anyone'
import { DEFAULT_TIME_ZONE, validateTimeZone } from '@/lib/timeZone'
import { invalidateSettings } from '@/runtime/invalidateContent'

import { analyticsFields } from './analyticsFields'
import { discussionFields } from './discussionFields'
import { auditSettingsChange } from './hooks/auditSettingsChange'

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
  hooks: {
    afterChange: [auditSettingsChange, invalidateSettings],
  },
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Site',
          fields: [
            {
              name: 'siteName',
              type: 'text',
              required: true,
              defaultValue: 'Agency Blog',
              maxLength: 120,
            },
            {
              name: 'agencyName',
              type: 'text',
              required: true,
              defaultValue: 'U.S. Agency',
              maxLength: 200,
            },
            {
              // Not required: GraphQL would then demand it in every settings mutation. Unset
              // means UTC; an empty or unknown name is refused.
              name: 'timeZone',
              label: 'Agency time zone',
              type: 'text',
              defaultValue: DEFAULT_TIME_ZONE,
              maxLength: 64,
              validate: validateTimeZone,
              admin: {
                description:
                  'An IANA time zone name, such as America/New_York. Dates and times in the admin, on the public pages and in staff emails are shown in it, with its abbreviation (EST, EDT).',
              },
            },
            {
              name: 'showGovBanner',
              label: 'Show the official U.S. government banner',
              type: 'checkbox',
              defaultValue: true,
            },
          ],
        },
        {
          label: 'Feeds',
          fields: [
            {
              name: 'feedContent',
              label: 'What the RSS and Atom feeds carry',
              type: 'radio',
              // Not required: GraphQL would then demand it in every settings mutation. Unset is
              // the summary.
              defaultValue: 'summary',
              options: [
                { label: 'A summary (the excerpt, or the start of the text)', value: 'summary' },
                { label: 'The whole post', value: 'full' },
              ],
              admin: {
                description:
                  'Whole posts let people read in their feed reader; summaries bring them to the site.',
              },
            },
          ],
        },
        { label: 'Analytics', fields: analyticsFields },
        {
          label: 'Archive',
          fields: [
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
              admin: {
                description: 'Where the archive banner sends readers for up-to-date information.',
              },
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
          ],
        },
        { label: 'Discussion', fields: discussionFields },
      ],
    },
  ],
}
