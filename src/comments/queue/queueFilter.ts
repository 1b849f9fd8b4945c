import { COMMENT_STATUSES, type CommentStatus } from '@/comments/rules/statuses'

export type QueueTab = CommentStatus | 'all'
export const QUEUE_TAB_VALUES: readonly QueueTab[] = [...COMMENT_STATUSES, 'all']

/** The page sizes a moderator may choose: anything else is refused (API) or the default (page). */
export const QUEUE_PAGE_SIZES = [20, 50, 100] as const
export const DEFAULT_QUEUE_PAGE_SIZE = 20
export const QUEUE_SEARCH_MAX = 200
export const QUEUE_SORTS = ['newest', 'oldest'] as const
export type QueueSort = (typeof QUEUE_SORTS)[number]

/**
 * Which comments a moderation tab lists, as the address says (`?status=&q=&post=&sort=&size=`),
 * so a filtered queue survives a reload and can be linked. The bulk action on "all matching"
 * takes the same filter, with `before`: only comments the moderator could have seen.
 */
export type QueueFilter = {
  status: QueueTab
  q: string
  post: string | null
  sort: QueueSort
  pageSize: number
  /** Spam tab only: Akismet's blatant spam instead of the rest. */
  blatant: boolean
  /** ISO date: comments created at or before it (set when a bulk action is confirmed). */
  before: string | null
}

export type FilterError = { path: string; message: string }
type Params = Record<string, unknown>

export const DEFAULT_QUEUE_FILTER: QueueFilter = {
  status: 'pending',
  q: '',
  post: null,
  sort: 'newest',
  pageSize: DEFAULT_QUEUE_PAGE_SIZE,
  blatant: false,
  before: null,
}

// A post id as the SQL adapters (integers) and MongoDB (ObjectIds) write it.
const POST_ID = /^(?:[1-9]\d{0,14}|[0-9a-f]{24})$/i

function one(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value
}

function text(value: unknown): string | undefined | null {
  const single = one(value)
  if (single === undefined || single === null || single === '') return undefined
  return typeof single === 'string' ? single : null
}

/**
 * Reads a queue filter from query-string or JSON parameters. Absent values take the defaults;
 * each bad one is reported (with its default used in its place), so the API can answer 400 and
 * the page can say what it ignored.
 */
export function parseQueueFilter(params: Params): { filter: QueueFilter; errors: FilterError[] } {
  const errors: FilterError[] = []
  const filter: QueueFilter = { ...DEFAULT_QUEUE_FILTER }
  const status = text(params.status)
  if (status !== undefined) {
    if (status && (QUEUE_TAB_VALUES as string[]).includes(status))
      filter.status = status as QueueTab
    else
      errors.push({
        path: 'status',
        message: `status must be one of ${QUEUE_TAB_VALUES.join(', ')}`,
      })
  }
  const q = text(params.q)
  if (q !== undefined) {
    if (q === null || q.length > QUEUE_SEARCH_MAX) {
      errors.push({
        path: 'q',
        message: `q must be text of at most ${QUEUE_SEARCH_MAX} characters`,
      })
    } else filter.q = q.trim()
  }
  const post = one(params.post)
  if (post !== undefined && post !== null && post !== '') {
    const id = typeof post === 'number' ? String(post) : post
    if (typeof id === 'string' && POST_ID.test(id)) filter.post = id
    else errors.push({ path: 'post', message: 'post must be the id of a post' })
  }
  const sort = text(params.sort)
  if (sort !== undefined) {
    if (sort && (QUEUE_SORTS as readonly string[]).includes(sort)) filter.sort = sort as QueueSort
    else errors.push({ path: 'sort', message: `sort must be one of ${QUEUE_SORTS.join(', ')}` })
  }
  const size = one(params.size)
  if (size !== undefined && size !== null && size !== '') {
    const n = Number(size)
    if ((QUEUE_PAGE_SIZES as readonly number[]).includes(n)) filter.pageSize = n
    else {
      errors.push({ path: 'size', message: `size must be one of ${QUEUE_PAGE_SIZES.join(', ')}` })
    }
  }
  const blatant = one(params.blatant)
  filter.blatant = filter.status === 'spam' && (blatant === '1' || blatant === true)
  const before = text(params.before)
  if (before !== undefined) {
    if (before && !Number.isNaN(Date.parse(before))) filter.before = new Date(before).toISOString()
    else errors.push({ path: 'before', message: 'before must be a date and time (ISO 8601)' })
  }
  return { filter, errors }
}

/** The filter as query-string parameters, leaving out defaults (the address stays short). */
export function queueParams(filter: Partial<QueueFilter>): URLSearchParams {
  const params = new URLSearchParams({ status: filter.status ?? DEFAULT_QUEUE_FILTER.status })
  if (filter.q) params.set('q', filter.q)
  if (filter.post) params.set('post', filter.post)
  if (filter.sort && filter.sort !== 'newest') params.set('sort', filter.sort)
  if (filter.pageSize && filter.pageSize !== DEFAULT_QUEUE_PAGE_SIZE) {
    params.set('size', String(filter.pageSize))
  }
  if (filter.blatant) params.set('blatant', '1')
  if (filter.before) params.set('before', filter.before)
  return params
}
