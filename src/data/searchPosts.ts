import type { Post } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'
import type { SearchHit } from '@/search/searchIndex'

import { getPayloadClient } from './getPayloadClient'
import { LIST_FIELDS } from './posts'

/** Results per page: the page size is fixed, so a request cannot ask for more. */
export const SEARCH_RESULTS_PER_PAGE = 10

type ListedPost = Pick<
  Post,
  'id' | 'title' | 'slug' | 'excerpt' | 'publishedAt' | 'archived' | 'authors'
>

export type SearchResult = { post: ListedPost; hit: SearchHit }

export type SearchPage = { results: SearchResult[]; total: number; totalPages: number }

/**
 * One page of the posts matching every term, best first: the index finds and ranks them (one
 * count, one page of rows), then the posts are read with the public's access rights, so only
 * published posts are ever shown, whatever the index holds. Not kept in the content cache: every
 * distinct query would take a place there. Three queries (and the authors shown), whatever the
 * number of posts.
 */
export async function searchPosts(terms: string[], page: number): Promise<SearchPage> {
  const payload = await getPayloadClient()
  const { hits, total } = await runtimeOf(payload).search.search(payload, terms, {
    limit: SEARCH_RESULTS_PER_PAGE,
    offset: (page - 1) * SEARCH_RESULTS_PER_PAGE,
  })
  const totalPages = Math.ceil(total / SEARCH_RESULTS_PER_PAGE)
  if (hits.length === 0) return { results: [], total, totalPages }
  const { docs } = await payload.find({
    collection: 'posts',
    overrideAccess: false,
    user: null,
    where: { id: { in: hits.map((hit) => hit.id) }, _status: { equals: 'published' } },
    depth: 1,
    limit: hits.length,
    pagination: false,
    select: LIST_FIELDS,
  })
  const posts = new Map(docs.map((post) => [String(post.id), post as ListedPost]))
  const results = hits.flatMap((hit) => {
    const post = posts.get(String(hit.id))
    return post ? [{ post, hit }] : []
  })
  return { results, total, totalPages }
}
