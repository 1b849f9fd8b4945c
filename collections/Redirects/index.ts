import type { CollectionConfig, FieldHook, Validate } from 'payload'

import { anyone } from '@/access/anyone'
import { editors } from '@/access/editors'
import { checkFromPath, checkTargetUrl, normalisePath } from '@/redirects/redirectPaths'
import { invalidateDeletedRedirect, invalidateRedirects } from '@/runtime/invalidateContent'

import { auditRedirectChange, auditRedirectDeletion } from './hooks/auditRedirect'
import { flattenChainsInto } from './hooks/flattenChainsInto'
import { rejectLoopsAndChains } from './hooks/rejectLoopsAndChains'

/** Stores the normal form of a well-formed path; a malformed one is left for `validate` to name. */
const normaliseFrom: FieldHook = ({ value }) => {
  if (typeof value !== 'string') return value
  const path = normalisePath(value)
  return path.ok ? path.value : value
}

const normaliseUrl: FieldHook = ({ value, siblingData }) => {
  if (siblingData?.type === 'post') return null
  if (typeof value !== 'string' || !value.trim()) return value
  const url = checkTargetUrl(value)
  return url.ok ? url.value : value
}

const keepPostOnlyForPostTargets: FieldHook = ({ value, siblingData }) =>
  siblingData?.type === 'url' ? null : value

const validateFrom: Validate<string> = (value) => {
  if (!value) return 'Enter the path to redirect from.'
  const path = checkFromPath(value)
  return path.ok ? true : path.message
}

const validateUrl: Validate<string, unknown, { type?: string }> = (value, { siblingData }) => {
  if (siblingData?.type !== 'url') return true
  if (!value) return 'Enter the path or address to redirect to.'
  const url = checkTargetUrl(value)
  return url.ok ? true : url.message
}

const validatePost: Validate<unknown, unknown, { type?: string }> = (value, { siblingData }) =>
  siblingData?.type !== 'post' || value ? true : 'Choose the post to redirect to.'

/**
 * Old addresses that answer a permanent redirect (308): to a post, following its current slug, or
 * to a path on this site or a web address. Publishing a new slug for a live post adds one from its
 * old address (src/redirects/followSlugChange.ts); editors add others by hand. The public site
 * looks one up only for a path nothing else answers. Our own collection: Payload's redirects
 * plugin is not published for the Payload version we run (docs/redirects-and-preview.md).
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: { singular: 'Redirect', plural: 'Redirects' },
  admin: {
    useAsTitle: 'from',
    defaultColumns: ['from', 'to', 'updatedAt'],
    group: 'Content',
    listSearchableFields: ['from', 'to.url'],
    description:
      'Old addresses that send readers on for good (308). Changing a published post’s slug adds one from its old address.',
  },
  access: {
    // What a redirect says is public anyway: any reader who visits the old address learns it.
    read: anyone,
    create: editors,
    update: editors,
    delete: editors,
  },
  defaultSort: 'from',
  hooks: {
    beforeChange: [rejectLoopsAndChains],
    afterChange: [flattenChainsInto, auditRedirectChange, invalidateRedirects],
    afterDelete: [auditRedirectDeletion, invalidateDeletedRedirect],
  },
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: validateFrom,
      hooks: { beforeValidate: [normaliseFrom] },
      admin: {
        description:
          'A path on this site, e.g. /2019/old-report or /posts/old-slug. Stored without a trailing slash.',
      },
    },
    {
      name: 'to',
      label: 'Redirect to',
      type: 'group',
      fields: [
        {
          name: 'type',
          label: 'Target',
          type: 'radio',
          required: true,
          defaultValue: 'post',
          options: [
            { label: 'A post (follows its slug)', value: 'post' },
            { label: 'A path or web address', value: 'url' },
          ],
        },
        {
          name: 'post',
          type: 'relationship',
          relationTo: 'posts',
          index: true,
          validate: validatePost,
          hooks: { beforeValidate: [keepPostOnlyForPostTargets] },
          admin: { condition: (_, siblingData) => siblingData?.type === 'post' },
        },
        {
          name: 'url',
          label: 'Address',
          type: 'text',
          index: true,
          validate: validateUrl,
          hooks: { beforeValidate: [normaliseUrl] },
          admin: {
            condition: (_, siblingData) => siblingData?.type === 'url',
            description: 'A path on this site (/new-page) or a full http(s) address.',
          },
        },
      ],
    },
  ],
  timestamps: true,
}
