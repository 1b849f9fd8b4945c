import { cached } from '@/data/cached'
import { CACHE_TAGS } from '@/runtime/cacheTags'

import { getPayloadClient } from './getPayloadClient'

/** Every published post's slug and dates, for /sitemap.xml, read as the public reads them. */
export const sitemapPosts = cached(
  'sitemapPosts',
  () => [CACHE_TAGS.posts],
  async () => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'posts',
      overrideAccess: false,
      user: null,
      where: { _status: { equals: 'published' } },
      sort: '-publishedAt',
      // The most URLs one sitemap may list (sitemaps.org).
      limit: 50_000,
      pagination: false,
      depth: 0,
      select: { slug: true, updatedAt: true, archived: true },
    })
    return docs
  },
)
