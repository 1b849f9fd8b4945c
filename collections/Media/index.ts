import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { editors } from '@/access/editors'
import { hasRole } from '@/access/roles'
import { CACHE_TAGS } from '@/runtime/cacheTags'
import { invalidateWithPosts } from '@/runtime/invalidateContent'
import { serveStoredUpload } from '@/uploads/serveStoredUpload'

import { deleteStoredFiles } from './hooks/deleteStoredFiles'
import { rejectNonRasterUpload } from './hooks/rejectNonRasterUpload'
import { storeUploadedFiles } from './hooks/storeUploadedFiles'

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
    // Stored first, so pages rebuilt after the invalidation find the files.
    afterChange: [storeUploadedFiles, cacheHooks.afterChange],
    afterDelete: [cacheHooks.afterDelete, deleteStoredFiles],
  },
  // Files in MEDIA_DIR, or in S3 when S3_BUCKET is set: createPayloadConfig (withUploadStorage)
  // says which. The store's hooks and file handler do nothing without S3.
  upload: {
    handlers: [serveStoredUpload],
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
