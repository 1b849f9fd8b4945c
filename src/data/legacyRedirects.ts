import type { Where } from 'payload'

import { cached } from '@/data/cached'
import { CACHE_TAGS } from '@/runtime/cacheTags'

import { getPayloadClient } from './getPayloadClient'

/** Marks a redirect from an old WordPress address, so the post page can follow its anchor. */
export const FROM_WORDPRESS = 'from=wordpress'

/** The route that finds an imported comment by its WordPress id (see the comment permalink). */
export const wordpressCommentPath = (slug: string, wpId: string) =>
  `/posts/${slug}/comments/wordpress-${wpId}`

/**
 * The published post an old WordPress address belonged to (`/2023/04/slug/`, or `?p=<id>`),
 * kept on the post by the import, as its slug; null when no imported post had it. The old path
 * is matched with and without its trailing slash, as WordPress answered both.
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
    return docs[0]?.slug ?? null
  },
)

const wordpressId = (value: string | string[] | undefined): string | null =>
  typeof value === 'string' && /^\d{1,12}$/.test(value) ? value : null

/**
 * Where an old address goes, given its query: WordPress's reply link (`?replytocom=<id>`) to that
 * comment; anything else to the post, marked `?from=wordpress`. A `#comment-<id>` anchor never
 * reaches the server, but browsers keep it through the redirect, and the mark tells the post
 * page (WordPressAnchor) that the number is WordPress's, not ours.
 */
function legacyTarget(slug: string | null, query: LegacyQuery): string | null {
  if (slug === null) return null
  const replyTo = wordpressId(query.replytocom)
  return replyTo ? wordpressCommentPath(slug, replyTo) : `/posts/${slug}?${FROM_WORDPRESS}`
}

type LegacyQuery = { replytocom?: string | string[] }

export async function postForLegacyPath(
  path: string,
  query: LegacyQuery = {},
): Promise<string | null> {
  // WordPress's paged comments lived under the post's address: /slug/comment-page-2/.
  const bare = path.replace(/\/+$/, '').replace(/\/comment-page-\d{1,6}$/, '')
  if (!bare) return null
  return legacyTarget(await findLegacyPost({ legacyPath: { in: [bare, `${bare}/`] } }), query)
}

export async function postForLegacyId(
  value: string | string[] | undefined,
  query: LegacyQuery = {},
): Promise<string | null> {
  const id = wordpressId(value)
  if (id === null) return null
  return legacyTarget(await findLegacyPost({ legacyPostId: { equals: Number(id) } }), query)
}

/**
 * Our id of the comment a published imported post's WordPress comment `wpId` became; null when
 * the post was not imported or the export had no such comment. Whether readers may see it is
 * the comment permalink's business.
 */
export const commentForWordPressId = cached(
  'legacyComment',
  () => [CACHE_TAGS.posts, CACHE_TAGS.comments],
  async (slug: string, wpId: string): Promise<string | null> => {
    if (!wordpressId(wpId)) return null
    const payload = await getPayloadClient()
    const { docs: posts } = await payload.find({
      collection: 'posts',
      where: { slug: { equals: slug }, _status: { equals: 'published' } },
      limit: 1,
      depth: 0,
      select: { importedFrom: true },
      overrideAccess: true,
    })
    const importedFrom = posts[0]?.importedFrom
    if (!importedFrom) return null
    const { docs } = await payload.find({
      collection: 'comments',
      where: { importedFrom: { equals: `${importedFrom}#comment-${wpId}` } },
      limit: 1,
      depth: 0,
      select: { post: true },
      overrideAccess: true,
    })
    return docs[0] ? String(docs[0].id) : null
  },
)
