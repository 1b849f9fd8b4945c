import { postJson } from '@/admin/readApiResult'
import type { Post } from '@/payload-types'

export type ThreadStatus = Post['commentStatus']

export type ThreadResult = {
  id: number | string
  commentStatus: ThreadStatus
  commentsClosedAt: string | null
  commentsClosedBy: number | string | { id: number | string } | null
  commentsClosedReason: string | null
}

const reasonOf = (reason: string) => (reason.trim() ? { reason: reason.trim() } : {})

/** POST /api/posts/:id/thread: opens or closes one post's comments. */
export function setThreadStatus(
  apiRoute: string,
  id: number | string,
  status: ThreadStatus,
  reason: string,
) {
  return postJson<ThreadResult>(`${apiRoute}/posts/${encodeURIComponent(String(id))}/thread`, {
    status,
    ...reasonOf(reason),
  })
}

/** POST /api/posts/thread: the same for a selection of posts. */
export function setThreadStatuses(
  apiRoute: string,
  ids: (number | string)[],
  status: ThreadStatus,
  reason: string,
) {
  return postJson<{ results: ThreadResult[]; errors: { id: number | string; message: string }[] }>(
    `${apiRoute}/posts/thread`,
    { ids, status, ...reasonOf(reason) },
  )
}
