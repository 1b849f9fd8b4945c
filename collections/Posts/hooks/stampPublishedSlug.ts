import type { CollectionBeforeChangeHook } from 'payload'

import type { Post } from '@/payload-types'

/**
 * Remembers the slug a post was last published at. A draft save copies it into the draft, so the
 * next publication knows the address readers used until then, even when the new slug was saved in
 * a draft first (Payload's previous document is then that draft).
 */
export const stampPublishedSlug: CollectionBeforeChangeHook<Post> = ({ data, originalDoc }) => {
  const status = data._status ?? originalDoc?._status
  const slug = data.slug ?? originalDoc?.slug
  if (status === 'published' && slug) data.publishedSlug = slug
  return data
}
