import { cached } from '@/data/cached'
import { CACHE_TAGS } from '@/runtime/cacheTags'
import type { Author, Category } from '@/payload-types'

import { getPayloadClient } from './getPayloadClient'

export const findAuthorBySlug = cached(
  'findAuthorBySlug',
  () => [CACHE_TAGS.authors],
  async (slug: string): Promise<Author | null> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'authors',
      overrideAccess: false,
      user: null,
      where: { slug: { equals: slug } },
      depth: 1,
      limit: 1,
    })
    return docs[0] ?? null
  },
)

export const findCategoryBySlug = cached(
  'findCategoryBySlug',
  () => [CACHE_TAGS.categories],
  async (slug: string): Promise<Category | null> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'categories',
      overrideAccess: false,
      user: null,
      where: { slug: { equals: slug } },
      depth: 0,
      limit: 1,
    })
    return docs[0] ?? null
  },
)
