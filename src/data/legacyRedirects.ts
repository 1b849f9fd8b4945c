import type { Where } from 'payload'

import { cached } from '@/data/cached'
import { CACHE_TAGS } from '@/runtime/cacheTags'

import { getPayloadClient } from './getPayloadClient'

/**
 * The address of the published post an old WordPress address belonged to (`/2023/04/slug/`, or
 * `?p=<id>`), kept on the post by the import; null when no imported post had it. The old path is
 * matched with and without its trailing slash, as WordPress answered both.
 */
const findLegacyPost = cached(
  'legacyPost',
  () => [CACHE_TAGS.posts],
  async (where: Where): Promise<string | null> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'posts',
      where: { and: [where, { _status: { equals: 'published' } }] },
      limit: 1,
      depth: 0,
      select: { slug: true },
      // The old addresses are staff-only fields; only the new address is answered.
      overrideAccess: true,
    })
    return docs[0] ? `/posts/${docs[0].slug}` : null
  },
)

export function postForLegacyPath(path: string): Promise<string | null> {
  const bare = path.replace(/\/+$/, '')
  if (!bare) return Promise.resolve(null)
  return findLegacyPost({ legacyPath: { in: [bare, `${bare}/`] } })
}

export function postForLegacyId(value: string | string[] | undefined): Promise<string | null> {
  const id = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : null
  if (id === null) return Promise.resolve(null)
  return findLegacyPost({ legacyPostId: { equals: id } })
}
