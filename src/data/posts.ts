import { cache } from 'react'

import type { Post } from '@/payload-types'

import { getPayloadClient } from './getPayloadClient'

/** Published posts, newest first, read with readers' access rights. */
export const listPublishedPosts = cache(async (page = 1, limit = 20) => {
  const payload = await getPayloadClient()
  return payload.find({
    collection: 'posts',
    overrideAccess: false,
    user: null,
    where: { _status: { equals: 'published' } },
    sort: '-publishedAt',
    depth: 1,
    page,
    limit,
    select: {
      title: true,
      slug: true,
      excerpt: true,
      publishedAt: true,
      archived: true,
      authors: true,
    },
  })
})

/** One published post by slug, or null (unknown slug or not published). */
export const findPublishedPost = cache(async (slug: string): Promise<Post | null> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'posts',
    overrideAccess: false,
    user: null,
    where: { slug: { equals: slug }, _status: { equals: 'published' } },
    depth: 1,
    limit: 1,
  })
  return docs[0] ?? null
})
