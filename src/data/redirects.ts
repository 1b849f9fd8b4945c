import { cached } from '@/data/cached'
import { locationOf, normalisePath, postPath } from '@/redirects/redirectPaths'
import { CACHE_TAGS } from '@/runtime/cacheTags'

import { getPayloadClient } from './getPayloadClient'

type Target = { post: string } | { url: string }

/**
 * Where a path's redirect leads: a published post's slug, or an address; null when there is no
 * redirect, or its post is not published. One lookup on the unique `from` index, read with the
 * public's access rights (a draft target is not populated, so it does not redirect).
 */
const findRedirectTarget = cached(
  'redirect',
  () => [CACHE_TAGS.redirects, CACHE_TAGS.posts],
  async (from: string): Promise<Target | null> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'redirects',
      where: { from: { equals: from } },
      limit: 1,
      depth: 1,
      select: { to: true },
      populate: { posts: { slug: true } },
      overrideAccess: false,
      user: null,
    })
    const to = docs[0]?.to
    if (!to) return null
    if (to.type === 'url') return to.url ? { url: to.url } : null
    return typeof to.post === 'object' && to.post?.slug ? { post: to.post.slug } : null
  },
)

type Query = Record<string, string | string[] | undefined>

function queryString(query: Query): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      params.append(name, one)
    }
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/**
 * The address an unknown path redirects to, or null. A post target keeps the request's query
 * (`?comments=2` still opens that page of the thread); an address is used as the editor gave it.
 * Asked only by pages that found nothing at the path, so a path that resolves costs nothing.
 */
export async function redirectFor(path: string, query: Query = {}): Promise<string | null> {
  const from = normalisePath(path)
  if (!from.ok) return null
  const target = await findRedirectTarget(from.value)
  if (!target) return null
  if ('url' in target) return locationOf(target.url)
  return `${postPath(encodeURIComponent(target.post))}${queryString(query)}`
}
