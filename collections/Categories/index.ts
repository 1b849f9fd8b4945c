import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { CACHE_TAGS } from '@/runtime/cacheTags'
import { invalidateWithPosts } from '@/runtime/invalidateContent'
import { editors } from '@/access/editors'
import { slugField } from '@/cms/slugField'
import { refreshNamesInSearch } from '@/search/refreshNamesInSearch'

const cacheHooks = invalidateWithPosts(CACHE_TAGS.categories)
const searchHooks = refreshNamesInSearch('categories', 'title')

export const Categories: CollectionConfig = {
  slug: 'categories',
  hooks: {
    afterChange: [searchHooks.afterChange, cacheHooks.afterChange],
    beforeDelete: [searchHooks.beforeDelete],
    afterDelete: [cacheHooks.afterDelete],
  },
  labels: { singular: 'Category', plural: 'Categories' },
  admin: { useAsTitle: 'title', group: 'Content' },
  access: {
    read: anyone,
    create: editors,
    update: editors,
    delete: editors,
  },
  fields: [{ name: 'title', type: 'text', required: true, maxLength: 100 }, slugField('title')],
  timestamps: true,
}
