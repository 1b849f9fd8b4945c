/**
 * What one instance tells the others after a change: the cache tags it invalidated, and its own
 * id, so that it skips its own notice (it has applied the change already). Sent as JSON over
 * PostgreSQL NOTIFY (at most 8000 bytes) or Redis PUBLISH.
 */
export type InvalidationNotice = { origin: string; tags: string[] }

/** More tags than this, or longer ones, are not ours: a notice carrying them is ignored. */
const MAX_TAGS = 50
const MAX_TAG_LENGTH = 200

export function encodeNotice(notice: InvalidationNotice): string {
  return JSON.stringify({ origin: notice.origin, tags: notice.tags.slice(0, MAX_TAGS) })
}

/** The notice in `text`, or null when it is not one (another program on the same channel). */
export function decodeNotice(text: string): InvalidationNotice | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (!value || typeof value !== 'object') return null
  const { origin, tags } = value as Record<string, unknown>
  if (typeof origin !== 'string' || !origin || !Array.isArray(tags)) return null
  if (tags.length === 0 || tags.length > MAX_TAGS) return null
  const valid = tags.every(
    (tag) => typeof tag === 'string' && tag.length > 0 && tag.length <= MAX_TAG_LENGTH,
  )
  return valid ? { origin, tags: tags as string[] } : null
}
