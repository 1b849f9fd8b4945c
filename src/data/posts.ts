import type { Where } from 'payload'

import { cached } from '@/data/cached'
import { CACHE_TAGS } from '@/runtime/cacheTags'

import { approvedCounts } from '@/comments/queries/approvedCounts'
import type { Id } from '@/lib/idOf'
import type { Post } from '@/payload-types'

import { getPayloadClient } from './getPayloadClient'

export const POSTS_PER_PAGE = 10

/** Fields the lists show; authors, categories and the featured image come populated (depth 1). */
export const LIST_FIELDS = {
  title: true,
  slug: true,
  excerpt: true,
  publishedAt: true,
  archived: true,
  authors: true,
  categories: true,
  featuredImage: true,
} as const

type ListFilter = { archived?: boolean; author?: number | string; category?: number | string }

/** One page of published posts, newest first, read with the public's access rights. */
export const listPosts = cached(
  'listPosts',
  () => [CACHE_TAGS.posts],
  async function listPosts(filter: ListFilter, page: number) {
    const payload = await getPayloadClient()
    const and: Where[] = [{ _status: { equals: 'published' } }]
    if (filter.archived !== undefined) and.push({ archived: { equals: filter.archived } })
    if (filter.author !== undefined) and.push({ authors: { contains: filter.author } })
    if (filter.category !== undefined) and.push({ categories: { contains: filter.category } })
    return payload.find({
      collection: 'posts',
      overrideAccess: false,
      user: null,
      where: { and },
      sort: '-publishedAt',
      depth: 1,
      page,
      limit: POSTS_PER_PAGE,
      select: LIST_FIELDS,
    })
  },
)

/** Approved comments per post, for a page of posts: one grouped count in the database. */
export const approvedCommentCounts = cached(
  'approvedCommentCounts',
  () => [CACHE_TAGS.comments],
  async (postIds: Id[]) => approvedCounts(await getPayloadClient(), postIds),
)

/** One published post by slug, or null (unknown slug or not published). */
export const findPublishedPost = cached(
  'findPublishedPost',
  () => [CACHE_TAGS.posts],
  async (slug: string): Promise<Post | null> => {
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
  },
)
