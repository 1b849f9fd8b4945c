export type ThreadComment = {
  id: number | string
  parent: number | string | null
  authorName: string
  authorUrl: string | null
  body: string
  createdAt: string
  /** The title a staff member's comment is signed with ("Agency response"); null for readers. */
  agencyResponse?: string | null
  /** Held for moderation, shown only to the browser that posted it (no number, no reply link). */
  held?: boolean
  /** Its number in the whole discussion, when the caller shows only part of it. */
  number?: number
}

export type ThreadNode = ThreadComment & { number: number; depth: number; replies: ThreadNode[] }

const UNVISITED = 0
const ON_PATH = 1
const PLACED = 2

/**
 * Arranges one post's approved comments as a thread: top-level comments and every reply list
 * oldest first, each comment numbered by its position in the whole discussion so readers can cite
 * "comment 7". Replies below `maxDepth` are shown at `maxDepth`, after their ancestor at that level,
 * in date order (as WordPress does). A comment whose parent is missing, or whose parent chain loops,
 * is shown as top-level. Iterative, so a chain of any length is safe; O(n log n) for the sort.
 * A page of a long discussion passes its comments with their numbers already worked out.
 */
export function buildThread(comments: ThreadComment[], maxDepth = 5): ThreadNode[] {
  if (!Number.isInteger(maxDepth) || maxDepth < 1) {
    throw new RangeError(`maxDepth must be a whole number of at least 1, not ${maxDepth}`)
  }
  const sorted = comments
    .map((comment) => ({ comment, time: Date.parse(comment.createdAt) || 0 }))
    .sort((a, b) => a.time - b.time || compareIds(a.comment.id, b.comment.id))
    .map(({ comment }) => comment)

  // Ids are compared as strings so a parent of '7' finds comment 7 whatever the adapter returns.
  const indexById = new Map<string, number>()
  sorted.forEach((comment, index) => {
    if (!indexById.has(String(comment.id))) indexById.set(String(comment.id), index)
  })
  const parentOf = sorted.map((comment) =>
    comment.parent === null ? -1 : (indexById.get(String(comment.parent)) ?? -1),
  )

  const state = new Uint8Array(sorted.length)
  const loops = new Uint8Array(sorted.length)
  const depth = new Int32Array(sorted.length)
  const shownUnder = new Int32Array(sorted.length) // index of the comment it is listed under, or -1
  const path: number[] = []
  for (let start = 0; start < sorted.length; start++) {
    // Walk up to a top-level or already placed comment, then place the path from the top down.
    let at = start
    while (at !== -1 && state[at] === UNVISITED) {
      state[at] = ON_PATH
      path.push(at)
      at = parentOf[at]
    }
    const chainLoops = at !== -1 && (state[at] === ON_PATH || loops[at] === 1)
    for (let index = path.pop(); index !== undefined; index = path.pop()) {
      state[index] = PLACED
      const parent = parentOf[index]
      if (chainLoops || parent === -1) {
        loops[index] = chainLoops ? 1 : 0
        depth[index] = 1
        shownUnder[index] = -1
      } else if (depth[parent] < maxDepth) {
        depth[index] = depth[parent] + 1
        shownUnder[index] = parent
      } else {
        depth[index] = maxDepth
        shownUnder[index] = shownUnder[parent]
      }
    }
  }

  const nodes: ThreadNode[] = sorted.map((comment, index) => ({
    ...comment,
    number: comment.number ?? index + 1,
    depth: depth[index],
    replies: [],
  }))
  const topLevel: ThreadNode[] = []
  // Visiting in date order keeps every list in date order.
  nodes.forEach((node, index) => {
    const under = shownUnder[index]
    ;(under === -1 ? topLevel : nodes[under].replies).push(node)
  })
  return topLevel
}

function compareIds(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const [left, right] = [String(a), String(b)]
  return left < right ? -1 : left > right ? 1 : 0
}
