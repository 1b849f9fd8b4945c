/** What a cached read was read from; a change to it invalidates the read (and pages built on it). */
export const CACHE_TAGS = {
  posts: 'posts',
  comments: 'comments',
  commentsOf: (postId: number | string) => `comments:${postId}`,
  settings: 'settings',
  authors: 'authors',
  categories: 'categories',
  redirects: 'redirects',
  /** The commenter blocks by address range (src/runtime/blockRanges.ts); not on any page. */
  commenterBlocks: 'commenter-blocks',
} as const
