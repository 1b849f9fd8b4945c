/** What a cached read was read from; a change to it invalidates the read (and pages built on it). */
export const CACHE_TAGS = {
  posts: 'posts',
  comments: 'comments',
  commentsOf: (postId: number | string) => `comments:${postId}`,
  settings: 'settings',
  authors: 'authors',
  categories: 'categories',
  redirects: 'redirects',
  /**
   * Everything public at once, for a bulk change (a WordPress import invalidates with it once,
   * when the run ends): every cached read carries it.
   */
  everything: 'everything',
  /** The commenter blocks by address range (src/runtime/blockRanges.ts); not on any page. */
  commenterBlocks: 'commenter-blocks',
} as const
