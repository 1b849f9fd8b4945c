import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { editors } from '@/access/editors'
import { hasRole } from '@/access/roles'
import { CACHE_TAGS } from '@/runtime/cacheTags'
import { invalidateWithPosts } from '@/runtime/invalidateContent'

import { rejectNonRasterUpload } from './hooks/rejectNonRasterUpload'

// Images appear inside post bodies.
const cacheHooks = invalidateWithPosts(CACHE_TAGS.posts)

/** Raster formats only: SVG and other XML can carry script, so they are refused. */
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif']

export const Media: CollectionConfig = {
  slug: 'media',
  admin: { useAsTitle: 'alt', group: 'Content' },
  access: {
    read: anyone,
    create: ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'author'),
    update: ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'author'),
    delete: editors,
  },
  hooks: {
    beforeValidate: [rejectNonRasterUpload],
    afterChange: [cacheHooks.afterChange],
    afterDelete: [cacheHooks.afterDelete],
  },
  // Written to MEDIA_DIR: createPayloadConfig sets staticDir from the configuration.
  upload: {
    mimeTypes: IMAGE_MIME_TYPES,
    imageSizes: [
      { name: 'thumbnail', width: 400 },
      { name: 'card', width: 800 },
    ],
    adminThumbnail: 'thumbnail',
  },
  fields: [
    {
      name: 'alt',
      label: 'Alternative text',
      type: 'text',
      required: true,
      maxLength: 300,
      admin: { description: 'What the image shows, for readers who cannot see it.' },
    },
    { name: 'caption', type: 'text', maxLength: 300 },
  ],
}
