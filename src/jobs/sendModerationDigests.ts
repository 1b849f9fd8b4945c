import type { PayloadRequest, TaskConfig } from 'payload'

import { reviewPostUrl, waitingDraftsUrl } from '@/jobs/notifyEditors'
import { heldCommentUrl } from '@/jobs/notifyModerators'
import { formatDateTime } from '@/lib/formatDate'
import { agencyTimeZone } from '@/lib/timeZone'
import {
  digestSubscribers,
  DRAFTS_FOR_REVIEW,
  HELD_COMMENTS,
  NOTICE_TOPICS,
  type DigestFrequency,
  type DigestSubscriber,
} from '@/notifications/staffNotices'
import type { Comment, Post } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'

/** A digest section lists at most this many items, then says how many more wait. */
export const DIGEST_LIMIT = 200
const EXCERPT_CHARS = 100

const HOUR_MS = 60 * 60 * 1000
const PERIOD_MS: Record<DigestFrequency, number> = { hourly: HOUR_MS, daily: 24 * HOUR_MS }
/** The job runs on the hour; a run a few minutes early or late still counts as the next one. */
const SLACK_MS = 5 * 60 * 1000

type Site = {
  siteName: string
  serverUrl: string
  timeZone: string
  /** False while the site settings turn moderators' emails off. */
  heldComments: boolean
}
type Held = Pick<Comment, 'id' | 'authorName' | 'body' | 'createdAt'> & {
  post: Pick<Post, 'id' | 'title'> | null
}

/**
 * The comments held in (since, until] and still pending, oldest first, and how many in all. Held
 * means their status became pending then (statusChangedAt: set when a reader's comment is stored
 * and on every later change), so a comment Akismet's recheck holds late is not missed, and an
 * imported one (no status date) is not announced, as it gets no immediate email either.
 */
async function heldBetween(req: PayloadRequest, since: string, until: string) {
  const { docs, totalDocs } = await req.payload.find({
    collection: 'comments',
    where: {
      and: [
        { status: { equals: 'pending' } },
        { statusChangedAt: { greater_than: since } },
        { statusChangedAt: { less_than_equal: until } },
      ],
    },
    sort: 'statusChangedAt',
    limit: DIGEST_LIMIT,
    depth: 1,
    joins: false,
    select: { authorName: true, body: true, createdAt: true, post: true },
    populate: { posts: { title: true } },
    req,
  })
  const comments = docs.map((doc) => ({
    ...doc,
    post: typeof doc.post === 'object' ? doc.post : null,
  })) as Held[]
  return { comments, total: totalDocs }
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat
}

type Drafted = Pick<Post, 'id' | 'title' | 'submittedForReviewAt'> & {
  submittedForReviewBy?: Post['submittedForReviewBy']
}

/**
 * The drafts submitted for review in (since, until] and still waiting (the latest version of each
 * post), oldest submission first, and how many in all.
 */
async function draftsBetween(req: PayloadRequest, since: string, until: string) {
  const { docs, totalDocs } = await req.payload.find({
    collection: 'posts',
    draft: true,
    where: {
      and: [
        { reviewStatus: { equals: 'submitted' } },
        { submittedForReviewAt: { greater_than: since } },
        { submittedForReviewAt: { less_than_equal: until } },
      ],
    },
    sort: 'submittedForReviewAt',
    limit: DIGEST_LIMIT,
    depth: 1,
    select: { title: true, submittedForReviewAt: true, submittedForReviewBy: true },
    populate: { users: { name: true, email: true } },
    req,
  })
  return { drafts: docs as Drafted[], total: totalDocs }
}

/** One part of a digest: its words for the subject and its lines. */
export type DigestSection = { subject: string; lines: string[] }

/** The held comments, grouped by post (in order of each post's first comment), counted. */
export function heldSection(
  comments: Held[],
  total: number,
  since: string,
  { serverUrl, timeZone }: Site,
): DigestSection {
  const groups = new Map<string, { title: string; comments: Held[] }>()
  for (const comment of comments) {
    const key = comment.post ? String(comment.post.id) : ''
    const title = comment.post ? `"${comment.post.title}"` : '(a deleted post)'
    const group = groups.get(key) ?? { title, comments: [] }
    group.comments.push(comment)
    groups.set(key, group)
  }
  const when = (iso: string) => formatDateTime(iso, timeZone)
  const noun = total === 1 ? 'comment' : 'comments'
  const lines = [
    `${total} ${noun} held for moderation since ${when(since)} ${total === 1 ? 'is' : 'are'} still waiting.`,
  ]
  for (const group of groups.values()) {
    const count = group.comments.length
    lines.push('', `${group.title}: ${count} ${count === 1 ? 'comment' : 'comments'}`)
    for (const comment of group.comments) {
      lines.push(
        `- #${comment.id} by ${comment.authorName}, ${when(comment.createdAt)}: ${excerpt(comment.body)}`,
        `  ${heldCommentUrl(serverUrl, comment.id)}`,
      )
    }
  }
  const queue = `${serverUrl}/admin/moderation?status=pending`
  if (total > comments.length) {
    lines.push('', `And ${total - comments.length} more: ${queue}`)
  }
  lines.push('', `The moderation queue: ${queue}`)
  return { subject: `${total} ${noun} awaiting moderation`, lines }
}

/** The drafts submitted for review, each linked to its edit page, counted. */
export function draftsSection(
  drafts: Drafted[],
  total: number,
  since: string,
  { serverUrl, timeZone }: Site,
): DigestSection {
  const when = (iso: string) => formatDateTime(iso, timeZone)
  const noun = total === 1 ? 'draft' : 'drafts'
  const lines = [
    `${total} ${noun} submitted for review since ${when(since)} ${total === 1 ? 'is' : 'are'} still waiting.`,
    '',
  ]
  for (const draft of drafts) {
    const by = draft.submittedForReviewBy
    const author = by && typeof by === 'object' ? by.name || by.email : 'an author'
    const at = draft.submittedForReviewAt ? `, ${when(draft.submittedForReviewAt)}` : ''
    lines.push(
      `- "${draft.title}", submitted by ${author}${at}`,
      `  ${reviewPostUrl(serverUrl, draft.id)}`,
    )
  }
  const list = waitingDraftsUrl(serverUrl)
  if (total > drafts.length) {
    lines.push('', `And ${total - drafts.length} more: ${list}`)
  }
  lines.push('', `Every draft waiting for review: ${list}`)
  return { subject: `${total} ${noun} waiting for review`, lines }
}

/** One digest: its sections in order, then why the reader gets it. */
export function digestEmail(
  sections: DigestSection[],
  frequency: DigestFrequency,
  { siteName, serverUrl }: Site,
) {
  const lines = sections.flatMap((section, i) => (i === 0 ? [] : ['', '']).concat(section.lines))
  lines.push(
    '',
    `You get this ${frequency} digest because of the choice on your account: ${serverUrl}/admin/account`,
  )
  return {
    subject: `[${siteName}] ${sections.map((section) => section.subject).join(', ')}`,
    text: lines.join('\n'),
  }
}

/**
 * The sections of one subscriber's digest for (since, until]: a topic's section when their role
 * is in its audience and something new in it still waits. Each read is capped at DIGEST_LIMIT.
 */
async function sectionsFor(
  req: PayloadRequest,
  subscriber: DigestSubscriber,
  window: { since: string; until: string },
  site: Site,
): Promise<DigestSection[]> {
  const sections: DigestSection[] = []
  const { since, until } = window
  if (site.heldComments && HELD_COMMENTS.audience.includes(subscriber.role)) {
    const { comments, total } = await heldBetween(req, since, until)
    if (total > 0) sections.push(heldSection(comments, total, since, site))
  }
  if (DRAFTS_FOR_REVIEW.audience.includes(subscriber.role)) {
    const { drafts, total } = await draftsBetween(req, since, until)
    if (total > 0) sections.push(draftsSection(drafts, total, since, site))
  }
  return sections
}

async function sendOne(
  req: PayloadRequest,
  subscriber: DigestSubscriber,
  frequency: DigestFrequency,
  now: Date,
  site: Site,
): Promise<boolean> {
  const until = now.toISOString()
  const since =
    subscriber.lastDigestAt ?? new Date(now.getTime() - PERIOD_MS[frequency]).toISOString()
  if (now.getTime() - Date.parse(since) < PERIOD_MS[frequency] - SLACK_MS) return false
  const sections = await sectionsFor(req, subscriber, { since, until }, site)
  if (sections.length > 0) {
    await req.payload.sendEmail({
      to: subscriber.email,
      ...digestEmail(sections, frequency, site),
    })
  }
  // Recorded after the send, once for the whole email: a failed send is retried with the same
  // window, and a restart starts the next window where this one ended (nothing repeated, nothing
  // skipped).
  await req.payload.update({
    collection: 'users',
    id: subscriber.id,
    data: { lastDigestAt: until },
    depth: 0,
    req,
    context: { trustedServerChange: true },
  })
  return sections.length > 0
}

/**
 * Sends each hourly or daily subscriber one email covering every topic of their role (comments
 * held since their last digest and still pending; drafts submitted for review since then and
 * still waiting), if there is anything; runs on the hour. Held comments are left out while the
 * site settings turn moderators' emails off.
 */
export async function sendModerationDigests(
  req: PayloadRequest,
  now: Date = new Date(),
): Promise<{ sent: number; skipped: string }> {
  const { payload } = req
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  const site: Site = {
    siteName: settings.siteName,
    serverUrl: runtimeOf(payload).config.serverUrl,
    timeZone: agencyTimeZone(settings),
    heldComments: Boolean(settings.notifyModerators),
  }
  const topics = site.heldComments ? NOTICE_TOPICS : [DRAFTS_FOR_REVIEW]
  let sent = 0
  for (const frequency of ['hourly', 'daily'] as const) {
    for (const subscriber of await digestSubscribers(req, topics, frequency)) {
      if (await sendOne(req, subscriber, frequency, now, site)) sent += 1
    }
  }
  return { sent, skipped: '' }
}

export const sendModerationDigestsTask: TaskConfig<{
  input: Record<string, never>
  output: { sent: number; skipped: string }
}> = {
  slug: 'sendModerationDigests',
  label: 'Email digests of held comments and drafts waiting for review',
  outputSchema: [
    { name: 'sent', type: 'number' },
    { name: 'skipped', type: 'text' },
  ],
  schedule: [{ cron: '0 0 * * * *', queue: 'default' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 } },
  handler: async ({ req }) => ({ output: await sendModerationDigests(req) }),
}
