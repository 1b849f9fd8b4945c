/**
 * A comment's permanent address: it answers with a redirect to the page of the thread that holds
 * the comment (src/app/(frontend)/posts/[slug]/comments/[id]), wherever paging has moved it.
 */
export function commentPermalink(postSlug: string, commentId: number | string): string {
  return `/posts/${encodeURIComponent(postSlug)}/comments/${encodeURIComponent(String(commentId))}`
}
