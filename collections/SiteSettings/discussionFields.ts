import type { Field } from 'payload'

import { moderatorsField } from '@/access/moderators'

/** Moderation word lists are private: published, they would tell spammers what to avoid. */
const wordListField = (name: string, label: string, description: string) => ({
  name,
  label,
  type: 'textarea' as const,
  maxLength: 20000,
  access: { read: moderatorsField },
  admin: { description },
})

/** The Discussion tab: WordPress's discussion settings, plus retention and auto-closing. */
export const discussionFields: Field[] = [
  {
    name: 'moderationMode',
    label: 'Hold comments for moderation',
    type: 'select',
    required: true,
    defaultValue: 'first-time',
    options: [
      { label: 'All comments', value: 'all' },
      {
        label: 'First-time commenters (same name and email never approved)',
        value: 'first-time',
      },
      { label: 'None: publish comments that pass the other rules', value: 'none' },
    ],
  },
  {
    name: 'linkLimit',
    label: 'Hold a comment with this many links or more',
    type: 'number',
    required: true,
    defaultValue: 2,
    min: 0,
    max: 100,
    admin: { description: '0 turns this rule off.' },
  },
  wordListField(
    'moderationWords',
    'Moderation words',
    'One word, phrase or IP address per line. A comment containing one in its name, email, website, text, IP address or browser user agent is held for moderation. Matching is case-insensitive and inside words ("press" matches "WordPress").',
  ),
  wordListField(
    'disallowedWords',
    'Disallowed words',
    'Same matching as moderation words; a matching comment goes straight to Trash.',
  ),
  {
    type: 'row',
    fields: [
      {
        name: 'floodIntervalSeconds',
        label: 'Seconds between comments from one IP address',
        type: 'number',
        required: true,
        defaultValue: 15,
        min: 0,
        max: 3600,
        admin: { description: '0 turns the flood limit off. Staff are exempt.' },
      },
      {
        name: 'retentionDays',
        label: 'Purge spam and trash after (days)',
        type: 'number',
        required: true,
        defaultValue: 90,
        min: 90,
        max: 36500,
        admin: {
          description:
            'GRS 6.4 keeps public comments at least 90 days. Approved and pending comments are never purged.',
        },
      },
    ],
  },
  {
    type: 'row',
    fields: [
      {
        name: 'autoCloseThreads',
        label: 'Close comments on posts automatically',
        type: 'checkbox',
        defaultValue: false,
      },
      {
        name: 'autoCloseDays',
        label: 'Days after publication',
        type: 'number',
        required: true,
        defaultValue: 14,
        min: 1,
        max: 3650,
        admin: { condition: (data) => Boolean(data?.autoCloseThreads) },
      },
    ],
  },
  {
    name: 'notifyModerators',
    label: 'Email moderators when a comment is held for moderation',
    type: 'checkbox',
    defaultValue: true,
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
]
