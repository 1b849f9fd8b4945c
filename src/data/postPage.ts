import type { Post, SiteSetting } from '@/payload-types'

import { loadCommentPage, type CommentPage } from './comments'
import { findPublishedPost } from './posts'
import { getSiteSettings } from './siteSettings'

export type PostPageData = { post: Post; settings: SiteSetting; discussion: CommentPage }

/**
 * Everything the post page reads: the post, the settings and one page of its discussion. A fixed
 * number of queries whatever the number of comments (tests/int/contentCache.int.test.ts counts
 * them), and none at all while the content cache holds them. Null for an unknown post.
 */
export async function loadPostPage(slug: string, commentsPage = 1): Promise<PostPageData | null> {
  const post = await findPublishedPost(slug)
  if (!post) return null
  const settings = await getSiteSettings()
  const discussion = await loadCommentPage(post.id, commentsPage, settings.commentsPerPage)
  return { post, settings, discussion }
}
