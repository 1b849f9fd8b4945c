/**
 * A comment's permanent address: it answers with a redirect to the page of the thread that holds
 * the comment (src/app/(frontend)/posts/[slug]/comments/[id]), wherever paging has moved it.
 */
export function commentPermalink(postSlug: string, commentId: number | string): string {
  return `/posts/${encodeURIComponent(postSlug)}/comments/${encodeURIComponent(String(commentId))}`
}

/**
 * Where signed-in staff see a post as it stands in the editor's last save, draft changes
 * included (src/app/(frontend)/preview/posts/[id]). By id: a draft's slug may still change.
 */
export function previewPath(postId: number | string): string {
  return `/preview/posts/${encodeURIComponent(String(postId))}`
}
