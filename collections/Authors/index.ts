import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { editors, editorsField } from '@/access/editors'
import { staffField } from '@/access/staff'
import { CACHE_TAGS } from '@/runtime/cacheTags'
import { invalidateWithPosts } from '@/runtime/invalidateContent'
import { slugField } from '@/cms/slugField'
import { refreshNamesInSearch } from '@/search/refreshNamesInSearch'

import { ownProfileOrEditor } from './access/ownProfileOrEditor'

/** Public profiles of the officials who sign posts. */
const cacheHooks = invalidateWithPosts(CACHE_TAGS.authors)
const searchHooks = refreshNamesInSearch('authors', 'name')

export const Authors: CollectionConfig = {
  slug: 'authors',
  hooks: {
    afterChange: [searchHooks.afterChange, cacheHooks.afterChange],
    beforeDelete: [searchHooks.beforeDelete],
    afterDelete: [cacheHooks.afterDelete],
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'title', 'office'],
    group: 'Content',
  },
  access: {
    read: anyone,
    create: editors,
    update: ownProfileOrEditor,
    delete: editors,
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    slugField('name'),
    {
      name: 'title',
      label: 'Official title',
      type: 'text',
      maxLength: 200,
      admin: { description: 'For example "Deputy Administrator for Water Programs".' },
    },
    { name: 'office', type: 'text', maxLength: 200 },
    { name: 'bio', label: 'Short bio', type: 'textarea', maxLength: 1200 },
    { name: 'photo', type: 'upload', relationTo: 'media' },
    {
      name: 'user',
      label: 'Staff account',
      type: 'relationship',
      relationTo: 'users',
      unique: true,
      admin: { position: 'sidebar', description: 'Lets this staff member edit the profile.' },
      // Which account signs as whom is internal; readers only see the profile.
      access: { read: staffField, create: editorsField, update: editorsField },
    },
  ],
  timestamps: true,
}
