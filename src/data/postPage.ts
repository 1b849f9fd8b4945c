import type { ThreadComment } from '@/comments/rules/buildThread'
import type { Post, SiteSetting } from '@/payload-types'

import { listApprovedComments } from './comments'
import { findPublishedPost } from './posts'
import { getSiteSettings } from './siteSettings'

export type PostPageData = { post: Post; settings: SiteSetting; comments: ThreadComment[] }

/**
 * Everything the post page reads: the post, the settings and its approved comments. A fixed
 * number of queries whatever the number of comments (tests/int/contentCache.int.test.ts counts
 * them), and none at all while the content cache holds them.
 */
export async function loadPostPage(slug: string): Promise<PostPageData | null> {
  const post = await findPublishedPost(slug)
  if (!post) return null
  const [settings, comments] = await Promise.all([getSiteSettings(), listApprovedComments(post.id)])
  return { post, settings, comments }
}
