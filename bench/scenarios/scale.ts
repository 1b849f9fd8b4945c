import type { BenchApp } from '../app'
import { BYPASS_PAGE_CACHE, jsonRequest, jwt, timedFetch, type Timed } from '../http'
import { readMemory } from '../memory'
import { summarize, type Summary } from '../stats'

export type ScaleRow = Summary & {
  name: string
  path: string
  /** The first request, before the others (caches cold for this key). */
  firstMs: number
  bytes: number
  status: number
  /** The server's peak resident memory (VmHWM, MiB) once this row's requests were done. */
  peakMiB?: number
}

export type ScaleResult = { lastCommentPage: number; rows: ScaleRow[] }

type Target = { name: string; path: string; headers?: Record<string, string>; budgetMs?: number }

const EXPORT_BUDGET_MS = 120_000
const EXPORT_TIMEOUT_MS = 15 * 60_000

/** The highest `comments=<n>` among a post page's pagination links (1 when there are none). */
export function lastCommentPage(html: string): number {
  let last = 1
  for (const match of html.matchAll(/[?&;]comments=(\d+)/g)) last = Math.max(last, Number(match[1]))
  return last
}

async function sample(baseUrl: string, target: Target, samples: number): Promise<ScaleRow> {
  const timeout = target.budgetMs ? EXPORT_TIMEOUT_MS : undefined
  const run = () => timedFetch(baseUrl + target.path, { headers: target.headers }, timeout)
  const first = await run()
  if (first.status !== 200) {
    throw new Error(`${target.path} answered ${first.status}: ${first.body.slice(0, 300)}`)
  }
  const timed: Timed[] = []
  const started = performance.now()
  for (let i = 0; i < samples; i++) {
    if (target.budgetMs && i >= 1 && performance.now() - started > target.budgetMs) break
    timed.push(await run())
  }
  const bad = timed.find((t) => t.status !== 200)
  if (bad) throw new Error(`${target.path} answered ${bad.status}`)
  return {
    name: target.name,
    path: target.path,
    firstMs: first.ms,
    bytes: first.bytes,
    status: first.status,
    ...summarize(timed.map((t) => t.ms)),
  }
}

/**
 * Emptying the content cache for the comments: unapprove, or approve again, one approved reply on
 * the big post (its thread's page count does not change). Each call flips it and returns the
 * milliseconds the moderation request took: the comment is one of the post's first, so every
 * later comment's stored number moves.
 */
function toggler(baseUrl: string, moderatorToken: string, commentId: number) {
  let approved = true
  const flip = async () => {
    const action = approved ? 'unapprove' : 'approve'
    const started = performance.now()
    await jsonRequest(`${baseUrl}/api/comments/moderate`, {
      method: 'POST',
      headers: jwt(moderatorToken),
      body: { ids: [commentId], action },
    })
    approved = !approved
    return performance.now() - started
  }
  return { flip, restore: async () => (approved ? undefined : flip()) }
}

/**
 * Site search over the generated posts (never page-cached): a word every post holds (every post
 * matches and is ranked), its 50th page, a word about half the posts hold (in a title, an
 * excerpt or the "River Data" category), two words (both required), and a word one title holds.
 */
function searchTargets(everyPostWord: string): Target[] {
  const search = (name: string, query: string) => ({ name, path: `/search?${query}` })
  return [
    search(`search: every post matches ("${everyPostWord}"), page 1`, `q=${everyPostWord}`),
    search(`search: every post matches, page 50`, `q=${everyPostWord}&page=50`),
    search('search: about half the posts ("river")', 'q=river'),
    search('search: two words ("river permit")', 'q=river+permit'),
    search('search: one post ("fifty")', 'q=fifty'),
  ]
}

/**
 * At one scale, ~20 sequential requests each: the home page and the big post's first and last
 * comment pages (rendered by Next, and from the page cache), the site search, the moderation
 * queue's first page of Pending, the badge counts, and the CSV export (time to the last byte).
 * With `toggleCommentId`, the pages are also timed right after the comment data left the content
 * cache ("data cold").
 */
export async function scaleBenchmark(
  app: BenchApp,
  bigSlug: string,
  tokens: { moderator: string; admin: string },
  samples: number,
  toggleCommentId: number | null,
  everyPostWord: string,
): Promise<ScaleResult> {
  const big = `/posts/${bigSlug}`
  const firstPage = await timedFetch(app.baseUrl + big, { headers: BYPASS_PAGE_CACHE })
  if (firstPage.status !== 200) throw new Error(`${big} answered ${firstPage.status}`)
  const last = lastCommentPage(firstPage.body)
  const lastPath = `${big}?comments=${last}`
  const pages: Target[] = [
    { name: 'home / (Next render)', path: '/', headers: BYPASS_PAGE_CACHE },
    { name: 'big post, comment page 1 (Next render)', path: big, headers: BYPASS_PAGE_CACHE },
    {
      name: `big post, last comment page (Next render)`,
      path: lastPath,
      headers: BYPASS_PAGE_CACHE,
    },
  ]
  const moderator = jwt(tokens.moderator)
  const targets: Target[] = [
    ...pages,
    { name: 'home / (page cache)', path: '/' },
    { name: 'big post, comment page 1 (page cache)', path: big },
    ...searchTargets(everyPostWord),
    {
      name: 'moderation queue: Pending, page 1 (REST)',
      path: '/api/comments?where[status][equals]=pending&sort=-createdAt&limit=20&depth=0',
      headers: moderator,
    },
    {
      // The screen moderators use: the admin page, rendered by Payload and Next on the server
      // (rows, parents' excerpts, posts, tab counts, post filter list).
      name: 'moderation queue: Pending, page 1 (admin page)',
      path: '/admin/moderation?status=pending',
      headers: { cookie: `payload-token=${tokens.moderator}` },
    },
    {
      name: 'moderation queue: "all matching" count, Pending (suspicious too)',
      path: '/api/comments/moderation-matching?status=pending',
      headers: moderator,
    },
    {
      name: 'moderation counts (badges)',
      path: '/api/comments/moderation-counts',
      headers: moderator,
    },
    {
      name: 'export CSV (all comments, to last byte)',
      path: '/api/comments/export?format=csv',
      headers: jwt(tokens.admin),
      budgetMs: EXPORT_BUDGET_MS,
    },
  ]
  const rows: ScaleRow[] = []
  const peak = () => readMemory(app.serverPid).peakMiB
  for (const target of targets) {
    rows.push({ ...(await sample(app.baseUrl, target, samples)), peakMiB: peak() })
  }

  if (toggleCommentId !== null) {
    const toggle = toggler(app.baseUrl, tokens.moderator, toggleCommentId)
    const cold = new Map<Target, { ms: number[]; first: Timed }>()
    const flips: number[] = []
    try {
      for (let i = 0; i < Math.max(3, Math.ceil(samples / 2)); i++) {
        flips.push(await toggle.flip())
        for (const page of pages) {
          const res = await timedFetch(app.baseUrl + page.path, { headers: page.headers })
          if (res.status !== 200) throw new Error(`${page.path} answered ${res.status}`)
          const entry = cold.get(page) ?? { ms: [], first: res }
          entry.ms.push(res.ms)
          cold.set(page, entry)
        }
      }
    } finally {
      await toggle.restore()
    }
    for (const [page, { ms, first }] of cold) {
      rows.push({
        name: page.name.replace('(Next render)', '(Next render, data cold)'),
        path: page.path,
        firstMs: first.ms,
        bytes: first.bytes,
        status: first.status,
        ...summarize(ms),
        peakMiB: peak(),
      })
    }
    rows.push({
      name: "moderation: unapprove / approve one of the big post's first comments (REST)",
      path: '/api/comments/moderate',
      firstMs: flips[0],
      bytes: 0,
      status: 200,
      ...summarize(flips),
      peakMiB: peak(),
    })
  }
  return { lastCommentPage: last, rows }
}
