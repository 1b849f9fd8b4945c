import { tableColumns } from '../db/schema'
import type { Sql } from '../db/sql'
import { insertRows, plannedColumns } from './insertRows'
import type { GeneratedPosts } from './posts'
import { seededRandom, words } from './random'

const DAY = 24 * 60 * 60 * 1000

/** Share of all comments on the big post. */
export const BIG_SHARE = 0.25
/** Share of comments that reply to an earlier approved comment of the same post. */
const REPLY_SHARE = 0.3
/** Cumulative status mix: mostly approved, some pending, spam and trash. */
const STATUS_MIX: [number, Status][] = [
  [0.85, 'approved'],
  [0.93, 'pending'],
  [0.98, 'spam'],
  [1, 'trash'],
]
const FIFTY = 50
const AUTHORS = 50_000
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'

type Status = 'approved' | 'pending' | 'spam' | 'trash'
type Recent = { id: number; thread: number | null }

const COMMENT_COLUMNS = [
  'id',
  'post_id',
  'parent_id',
  'thread_id',
  'author_name',
  'author_email',
  'author_url',
  'body',
  'status',
  'status_reason',
  'status_rule',
  'previous_status',
  'status_changed_at',
  'submitted_by_id',
  'homepage',
  'ip',
  'user_agent',
  'referrer',
  'spam_check_verdict',
  'spam_check_checked_at',
  'spam_check_discard',
  'spam_check_details',
  'updated_at',
  'created_at',
]

const REASONS: Record<Status, [reason: string, rule: string | null]> = {
  approved: ['Passed every rule', 'moderation mode: first-time'],
  pending: ['First comment from this name and email', 'moderation mode: first-time'],
  spam: ['Akismet: spam', 'Akismet'],
  trash: ['Moved to trash by a moderator', null],
}

export type GrowthStep = {
  /** Comments generated so far, this step's included. */
  total: number
  added: number
  seconds: number
  rowsPerSecond: number
  byStatus: Record<Status, number>
  replies: number
  onBigPost: number
}

export type CommentGenerator = {
  /** Adds comments until `total` have been generated. */
  growTo: (total: number, log: (line: string) => void) => Promise<GrowthStep>
  /** An approved reply on the big post (approve/unapprove it to empty the content cache). */
  toggleCommentId: () => number | null
  leftToDefault: string[]
}

/**
 * Generates comments in steps (10k, then up to 100k, ...), each step bulk-inserted by raw SQL.
 * The first 50 are the fifty-comments post's approved top-level comments; then a quarter go to
 * the big post and the rest to the other posts (popular ones more often); 30% reply to a recent
 * approved comment of the same post, in its thread. Dates rise with the id over the year before
 * `maxTotal` is reached, so replies always come after their parent.
 */
export async function commentGenerator(
  sql: Sql,
  posts: GeneratedPosts,
  maxTotal: number,
): Promise<CommentGenerator> {
  const random = seededRandom(1_000_003)
  const columns = plannedColumns(
    { table: 'comments', known: COMMENT_COLUMNS },
    await tableColumns(sql, 'comments'),
  )
  const hasThread = columns.insert.includes('thread_id')
  // Ids are taken after the highest at each step: the app stores comments between steps.
  const nextFreeId = async () => {
    const [row] = await sql.query('SELECT COALESCE(MAX(id), 0) AS max FROM comments')
    return Number(row.max) + 1
  }
  let nextId = 0
  const start = Date.now() - 366 * DAY
  const step = (365 * DAY) / Math.max(maxTotal, 1)
  const recent = new Map<number, Recent[]>()
  let generated = 0
  let toggle: number | null = null

  const pickPost = (index: number) => {
    if (index < FIFTY) return posts.fifty.id
    if (random() < BIG_SHARE || !posts.others.length) return posts.big.id
    return posts.others[Math.floor(posts.others.length * random() ** 2)]
  }
  const pickStatus = (): Status => {
    const r = random()
    return STATUS_MIX.find(([upTo]) => r < upTo)![1]
  }

  function* comments(until: number, tally: GrowthStep) {
    for (; generated < until; generated++) {
      const index = generated
      const id = nextId++
      const postId = pickPost(index)
      const earlier = recent.get(postId)
      const parent =
        index >= FIFTY && earlier?.length && random() < REPLY_SHARE
          ? earlier[Math.floor(random() * earlier.length)]
          : null
      const status: Status = index < FIFTY ? 'approved' : pickStatus()
      const author = Math.floor(random() * AUTHORS)
      const created = new Date(start + index * step)
      const changed = status === 'pending' ? created : new Date(created.getTime() + 3_600_000)
      const [reason, rule] = REASONS[status]
      const thread = parent ? (parent.thread ?? parent.id) : null
      if (status === 'approved') {
        const list = earlier ?? []
        list.push({ id, thread })
        if (list.length > 16) list.shift()
        recent.set(postId, list)
        if (parent && postId === posts.big.id && toggle === null) toggle = id
      }
      tally.byStatus[status]++
      if (parent) tally.replies++
      if (postId === posts.big.id) tally.onBigPost++
      yield {
        id,
        post_id: postId,
        parent_id: parent?.id ?? null,
        thread_id: thread,
        author_name: `Reader ${author}`,
        author_email: `reader-${author}@example.org`,
        author_url: author % 10 === 0 ? `https://reader-${author}.example.org/` : null,
        body: `#${index} ${words(random, 60 + Math.floor(random() * 340))}`,
        status,
        status_reason: reason,
        status_rule: rule,
        previous_status: status === 'spam' || status === 'trash' ? 'pending' : null,
        status_changed_at: changed.toISOString(),
        ip: `10.${(author >> 16) & 255}.${(author >> 8) & 255}.${author & 255}`,
        user_agent: USER_AGENT,
        referrer: `https://blog.example.gov/posts/${posts.slugOf.get(postId) ?? ''}`,
        spam_check_verdict: status === 'spam' ? 'spam' : 'ham',
        spam_check_checked_at: created.toISOString(),
        spam_check_discard: false,
        created_at: created.toISOString(),
        updated_at: changed.toISOString(),
      }
    }
  }

  return {
    leftToDefault: columns.leftToDefault,
    toggleCommentId: () => toggle,
    growTo: async (total, log) => {
      const started = performance.now()
      const tally: GrowthStep = {
        total,
        added: 0,
        seconds: 0,
        rowsPerSecond: 0,
        byStatus: { approved: 0, pending: 0, spam: 0, trash: 0 },
        replies: 0,
        onBigPost: 0,
      }
      const from = generated
      nextId = await nextFreeId()
      let lastLog = 0
      await insertRows(sql, 'comments', columns.insert, comments(total, tally), (inserted) => {
        if (inserted - lastLog >= 100_000) {
          lastLog = inserted
          const seconds = (performance.now() - started) / 1000
          log(`  ${from + inserted} comments (${Math.round(inserted / seconds)} rows/s)`)
        }
      })
      if (sql.dialect === 'postgres') {
        await sql.query(
          `SELECT setval(pg_get_serial_sequence('comments', 'id'), (SELECT MAX(id) FROM comments))`,
        )
      }
      if (!hasThread) log('  (comments has no thread_id column: replies carry parent_id only)')
      tally.added = total - from
      tally.seconds = (performance.now() - started) / 1000
      tally.rowsPerSecond = tally.added / Math.max(tally.seconds, 0.001)
      return tally
    },
  }
}
