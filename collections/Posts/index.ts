import type { CollectionConfig, Field } from 'payload'

import { refuseServerSetChange } from '@/cms/rejectFieldChanges'

import { editors } from '@/access/editors'
import { invalidateDeletedPost, invalidatePosts } from '@/runtime/invalidateContent'
import { staff, staffField } from '@/access/staff'
import { slugField } from '@/cms/slugField'
import { reviewFields } from '@/posts/reviewFields'
import { previewPath } from '@/site/permalinks'

import { canCreatePosts, canUpdatePosts } from './access/canWritePosts'
import { seoFields } from './fields/seoFields'
import { readPublishedOrStaff } from './access/readPublishedOrStaff'
import { importWxrRun, importWxrUpload } from './endpoints/importWxr'
import { reviewCountEndpoint, submitForReviewEndpoint } from './endpoints/review'
import { setThreadStatus, setThreadStatusBulk } from './endpoints/setThreadStatus'
import { auditPublication } from './hooks/auditPublication'
import { auditReviewSubmission } from './hooks/auditReviewSubmission'
import { auditThreadChange } from './hooks/auditThreadChange'
import { clearReviewOnPublish } from './hooks/clearReviewOnPublish'
import { dropSearchEntry } from './hooks/dropSearchEntry'
import { rejectEditorialFieldChanges } from './hooks/rejectEditorialFieldChanges'
import { rejectPublishingByAuthors } from './hooks/rejectPublishingByAuthors'
import { rejectUnpublishingByAuthors } from './hooks/rejectUnpublishingByAuthors'
import { redirectOldAddress } from './hooks/redirectOldAddress'
import { refreshSearchEntry } from './hooks/refreshSearchEntry'
import { rejectUnsafeLinks } from './hooks/rejectUnsafeLinks'
import { removeRedirectsToPost } from './hooks/removeRedirectsToPost'
import { setCreatedBy } from './hooks/setCreatedBy'
import { stampPublicationAndArchive } from './hooks/stampPublicationAndArchive'
import { stampPublishedSlug } from './hooks/stampPublishedSlug'
import { stampThreadClosure } from './hooks/stampThreadClosure'

/**
 * Where an imported post came from (the WordPress import): its export id, kept to match it on the
 * next run, and its old address and `?p=` number, which redirect here. Set by the import only.
 */
const importedFields: Field[] = [
  {
    name: 'importedFrom',
    type: 'text',
    unique: true,
    admin: {
      position: 'sidebar',
      readOnly: true,
      condition: (data: Record<string, unknown>) => Boolean(data?.importedFrom),
    },
  },
  { name: 'legacyPath', type: 'text', index: true },
  { name: 'legacyPostId', type: 'number', index: true },
].map((field) => ({
  ...field,
  access: { read: staffField, create: () => false, update: () => false },
  hooks: { beforeValidate: [refuseServerSetChange] },
  admin: {
    readOnly: true,
    position: 'sidebar',
    ...field.admin,
    hidden: field.name !== 'importedFrom',
  },
})) as Field[]

export const Posts: CollectionConfig = {
  slug: 'posts',
  admin: {
    useAsTitle: 'title',
    // The admin's Preview button: the saved document on the public layout, for staff only.
    preview: (doc) => (doc?.id ? previewPath(doc.id as number | string) : null),
    defaultColumns: [
      'title',
      'publishedAt',
      'archived',
      'commentStatus',
      '_status',
      'reviewStatus',
    ],
    group: 'Content',
    listSearchableFields: ['title', 'slug', 'excerpt'],
    components: {
      beforeListTable: ['/admin/BulkThreadMenu/BulkThreadMenu#BulkThreadMenu'],
      edit: {
        beforeDocumentControls: ['/admin/ThreadControls/ThreadControls#ThreadControls'],
        // Authors get "Submit for review" where editors get Publish.
        PublishButton: '/admin/ReviewButton/PublishOrSubmitButton#PublishOrSubmitButton',
      },
    },
  },
  access: {
    read: readPublishedOrStaff,
    readVersions: staff,
    create: canCreatePosts,
    update: canUpdatePosts,
    delete: editors,
  },
  versions: {
    drafts: { schedulePublish: true },
    maxPerDoc: 50,
  },
  // Last edited first: sorting by publication date put every draft (no date yet) at the end.
  defaultSort: '-updatedAt',
  endpoints: [
    reviewCountEndpoint,
    submitForReviewEndpoint,
    setThreadStatusBulk,
    setThreadStatus,
    importWxrUpload,
    importWxrRun,
  ],
  hooks: {
    beforeOperation: [rejectUnpublishingByAuthors],
    beforeValidate: [rejectEditorialFieldChanges, rejectUnsafeLinks],
    beforeChange: [
      rejectPublishingByAuthors,
      setCreatedBy,
      clearReviewOnPublish,
      stampPublicationAndArchive,
      stampThreadClosure,
      stampPublishedSlug,
    ],
    afterChange: [
      auditThreadChange,
      auditPublication,
      auditReviewSubmission,
      redirectOldAddress,
      refreshSearchEntry,
      invalidatePosts,
    ],
    beforeDelete: [removeRedirectsToPost],
    afterDelete: [dropSearchEntry, invalidateDeletedPost],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Content',
          fields: [
            {
              name: 'excerpt',
              type: 'textarea',
              maxLength: 600,
              admin: {
                description: 'One or two sentences shown in lists, feeds and link previews.',
              },
            },
            {
              name: 'featuredImage',
              type: 'upload',
              relationTo: 'media',
              admin: {
                description:
                  'Shown above the post, as a thumbnail in lists, in feeds and when the post is shared.',
              },
            },
            { name: 'body', type: 'richText', required: true },
          ],
        },
        { label: 'SEO', fields: seoFields },
        {
          label: 'Archive',
          fields: [
            {
              name: 'archived',
              type: 'checkbox',
              defaultValue: false,
              index: true,
              admin: {
                components: {
                  Cell: {
                    path: '/admin/cells/BooleanWordCell#BooleanWordCell',
                    clientProps: { yes: 'Archived' },
                  },
                },
                description:
                  'An archived post stays online under a banner saying it is archived and no longer updated. Archiving closes its comments.',
              },
            },
            {
              name: 'archivedAt',
              type: 'date',
              admin: { condition: (data) => Boolean(data?.archived) },
            },
            {
              name: 'archiveNotice',
              type: 'textarea',
              maxLength: 1000,
              admin: {
                condition: (data) => Boolean(data?.archived),
                description: 'Replaces the site-wide archive banner text on this post only.',
              },
            },
          ],
        },
        {
          label: 'Discussion',
          fields: [
            {
              name: 'commentStatus',
              label: 'Comments',
              type: 'select',
              required: true,
              defaultValue: 'open',
              options: [
                { label: 'Open', value: 'open' },
                { label: 'Closed', value: 'closed' },
              ],
            },
            {
              name: 'commentsClosedAt',
              type: 'date',
              admin: { readOnly: true, condition: (data) => data?.commentStatus === 'closed' },
            },
            {
              name: 'commentsClosedBy',
              type: 'relationship',
              relationTo: 'users',
              access: { read: staffField },
              admin: { readOnly: true, condition: (data) => data?.commentStatus === 'closed' },
            },
            {
              name: 'commentsClosedReason',
              type: 'text',
              maxLength: 500,
              admin: { condition: (data) => data?.commentStatus === 'closed' },
            },
          ],
        },
      ],
    },
    slugField('title'),
    {
      // The address readers last reached the post at (stampPublishedSlug): a new slug published
      // over it redirects from there (redirectOldAddress).
      name: 'publishedSlug',
      type: 'text',
      access: { create: () => false, update: () => false },
      hooks: { beforeValidate: [refuseServerSetChange] },
      admin: { hidden: true },
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Set automatically on first publish.',
      },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'authors',
      hasMany: true,
      required: true,
      minRows: 1,
      admin: { position: 'sidebar' },
    },
    {
      name: 'categories',
      type: 'relationship',
      relationTo: 'categories',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      access: { read: staffField, create: () => false, update: () => false },
      hooks: { beforeValidate: [refuseServerSetChange] },
      admin: { position: 'sidebar', readOnly: true },
    },
    ...reviewFields,
    ...importedFields,
  ],
  timestamps: true,
}
