import type { Field } from 'payload'

import { staffField } from '@/access/staff'
import { refuseServerSetChange } from '@/cms/rejectFieldChanges'

export const REVIEW_STATUSES = ['none', 'submitted'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

const serverSet = {
  access: { read: staffField, create: () => false, update: () => false },
  hooks: { beforeValidate: [refuseServerSetChange] },
}

/**
 * A draft an author has submitted for an editor's review: set by POST /api/posts/:id/submit-for-
 * review, cleared when the post is published. Only the server writes these fields.
 */
export const reviewFields: Field[] = [
  {
    name: 'reviewStatus',
    label: 'Review',
    type: 'select',
    // No default: a default would count as a value the caller sent (refuseServerSetChange).
    index: true,
    options: [
      { label: '—', value: 'none' },
      { label: 'Waiting for review', value: 'submitted' },
    ],
    ...serverSet,
    admin: {
      position: 'sidebar',
      readOnly: true,
      components: {
        Cell: {
          path: '/admin/cells/ValueWordCell#ValueWordCell',
          clientProps: { words: { submitted: 'Waiting for review' } },
        },
      },
    },
  },
  {
    name: 'submittedForReviewAt',
    label: 'Submitted for review',
    type: 'date',
    ...serverSet,
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { pickerAppearance: 'dayAndTime' },
      condition: (data) => data?.reviewStatus === 'submitted',
    },
  },
  {
    name: 'submittedForReviewBy',
    label: 'Submitted by',
    type: 'relationship',
    relationTo: 'users',
    ...serverSet,
    admin: {
      position: 'sidebar',
      readOnly: true,
      condition: (data) => data?.reviewStatus === 'submitted',
    },
  },
]
