import { cached } from '@/data/cached'
import { CACHE_TAGS } from '@/runtime/cacheTags'

import { getPayloadClient } from './getPayloadClient'

/** The most URLs one sitemap may list (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000

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
      limit: SITEMAP_LIMIT,
      pagination: false,
      depth: 0,
      select: { slug: true, updatedAt: true, archived: true },
    })
    return docs
  },
)

/** Author and category pages for /sitemap.xml: slugs and dates, a bounded number of each. */
export const sitemapProfiles = cached(
  'sitemapProfiles',
  () => [CACHE_TAGS.authors, CACHE_TAGS.categories],
  async () => {
    const payload = await getPayloadClient()
    const read = (collection: 'authors' | 'categories') =>
      payload.find({
        collection,
        overrideAccess: false,
        user: null,
        sort: 'slug',
        limit: 5_000,
        pagination: false,
        depth: 0,
        select: { slug: true, updatedAt: true },
      })
    const [authors, categories] = await Promise.all([read('authors'), read('categories')])
    return { authors: authors.docs, categories: categories.docs }
  },
)
