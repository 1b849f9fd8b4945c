import type { ThreadComment } from '@/comments/rules/buildThread'

export type HeldComment = ThreadComment & { thread: number | string | null }

/**
 * A page of the discussion with the browser's own held comments put in place, marked `held`:
 * a reply under its parent when the parent is on this page, a top-level comment on the last page
 * (where the newest threads are). They take no number: the discussion's numbers count approved
 * comments only, so they stay the same for every reader.
 */
export function placeHeldComments(
  page: ThreadComment[],
  held: HeldComment[],
  { lastPage }: { lastPage: boolean },
): ThreadComment[] {
  if (held.length === 0) return page
  const onPage = new Set(page.map((comment) => String(comment.id)))
  const shown = held.filter((comment) =>
    comment.parent === null ? lastPage : onPage.has(String(comment.parent)),
  )
  return [
    ...page,
    ...shown.map(({ thread: _thread, ...comment }) => ({ ...comment, held: true, number: 0 })),
  ]
}
