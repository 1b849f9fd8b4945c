import { cached } from '@/data/cached'
import { CACHE_TAGS } from '@/runtime/cacheTags'
import type { FeedPost } from '@/site/feedXml'
import { absoluteUrl, imageSource, populatedMedia } from '@/site/featuredImage'
import { feedHtmlOf, summaryOf } from '@/site/postContent'
import type { Author } from '@/payload-types'

import { getPayloadClient } from './getPayloadClient'

export const FEED_SIZE = 20

/**
 * The latest published posts for the feeds, read with the public's access rights: each with its
 * excerpt (or the start of its text), its featured image and, when `fullContent`, its whole body
 * as HTML.
 */
export const feedPosts = cached(
  'feedPosts',
  () => [CACHE_TAGS.posts],
  async function feedPosts(siteUrl: string, fullContent = false): Promise<FeedPost[]> {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'posts',
      overrideAccess: false,
      user: null,
      where: { _status: { equals: 'published' } },
      sort: '-publishedAt',
      limit: FEED_SIZE,
      depth: 1,
      select: {
        title: true,
        slug: true,
        excerpt: true,
        body: true,
        publishedAt: true,
        updatedAt: true,
        archived: true,
        authors: true,
        featuredImage: true,
      },
    })
    return docs.map((post) => {
      const media = populatedMedia(post.featuredImage)
      const image = media ? imageSource(media) : null
      return {
        title: post.title,
        url: `${siteUrl}/posts/${post.slug}`,
        summary: summaryOf(post),
        publishedAt: post.publishedAt ?? post.updatedAt,
        updatedAt: post.updatedAt,
        authors: (post.authors ?? [])
          .filter((a): a is Author => typeof a === 'object')
          .map((a) => a.name),
        archived: Boolean(post.archived),
        contentHtml: fullContent ? feedHtmlOf(post.body, siteUrl) : null,
        image: image
          ? {
              url: absoluteUrl(image.url, siteUrl),
              type: image.mimeType,
              length: image.filesize ?? 0,
            }
          : null,
      }
    })
  },
)
