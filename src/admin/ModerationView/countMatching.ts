import { readApiResult } from '@/admin/readApiResult'
import { queueParams, type QueueFilter } from '@/comments/queue/queueFilter'

export type MatchingCount = { matching: number; suspicious: number; before: string }

/**
 * What "all matching" holds now, for the confirmation (GET /api/comments/moderation-matching),
 * or why it could not be counted.
 */
export async function countMatching(
  apiRoute: string,
  filter: QueueFilter,
): Promise<MatchingCount | { error: string }> {
  const params = queueParams({ ...filter, before: null })
  const response = await fetch(`${apiRoute}/comments/moderation-matching?${params}`, {
    credentials: 'include',
  }).catch(() => null)
  if (!response) return { error: 'The server could not be reached. Check your connection.' }
  const result = await readApiResult<MatchingCount>(response)
  return result.ok ? result.body : { error: result.message }
}
