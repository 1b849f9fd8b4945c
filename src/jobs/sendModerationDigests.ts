import type { PayloadRequest, TaskConfig } from 'payload'

import { heldCommentUrl } from '@/jobs/notifyModerators'
import { formatDateTime } from '@/lib/formatDate'
import { agencyTimeZone } from '@/lib/timeZone'
import {
  digestSubscribers,
  HELD_COMMENTS,
  type DigestFrequency,
  type DigestSubscriber,
} from '@/notifications/staffNotices'
import type { Comment, Post } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'

/** A digest lists at most this many comments, then says how many more wait in the queue. */
export const DIGEST_LIMIT = 200
const EXCERPT_CHARS = 100

const HOUR_MS = 60 * 60 * 1000
const PERIOD_MS: Record<DigestFrequency, number> = { hourly: HOUR_MS, daily: 24 * HOUR_MS }
/** The job runs on the hour; a run a few minutes early or late still counts as the next one. */
const SLACK_MS = 5 * 60 * 1000

type Site = { siteName: string; serverUrl: string; timeZone: string }
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

/** One digest: the comments grouped by post (in order of each post's first comment), counted. */
export function digestEmail(
  comments: Held[],
  total: number,
  window: { since: string; until: string; frequency: DigestFrequency },
  { siteName, serverUrl, timeZone }: Site,
) {
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
    `${total} ${noun} held for moderation since ${when(window.since)} ${total === 1 ? 'is' : 'are'} still waiting.`,
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
  lines.push(
    '',
    `The moderation queue: ${queue}`,
    `You get this ${window.frequency} digest because of the choice on your account: ${serverUrl}/admin/account`,
  )
  return {
    subject: `[${siteName}] ${total} ${noun} awaiting moderation`,
    text: lines.join('\n'),
  }
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
  const { comments, total } = await heldBetween(req, since, until)
  if (total > 0) {
    await req.payload.sendEmail({
      to: subscriber.email,
      ...digestEmail(comments, total, { since, until, frequency }, site),
    })
  }
  // Recorded after the send: a failed send is retried with the same window, and a restart
  // starts the next window where this one ended (nothing repeated, nothing skipped).
  await req.payload.update({
    collection: 'users',
    id: subscriber.id,
    data: { lastDigestAt: until },
    depth: 0,
    req,
    context: { trustedServerChange: true },
  })
  return total > 0
}

/**
 * Sends each hourly or daily subscriber one email listing the comments held since their last
 * digest and still pending, if there are any; runs on the hour.
 */
export async function sendModerationDigests(
  req: PayloadRequest,
  now: Date = new Date(),
): Promise<{ sent: number; skipped: string }> {
  const { payload } = req
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  if (!settings.notifyModerators) {
    return { sent: 0, skipped: 'notifications are turned off in site settings' }
  }
  const site: Site = {
    siteName: settings.siteName,
    serverUrl: runtimeOf(payload).config.serverUrl,
    timeZone: agencyTimeZone(settings),
  }
  let sent = 0
  for (const frequency of ['hourly', 'daily'] as const) {
    for (const subscriber of await digestSubscribers(req, HELD_COMMENTS, frequency)) {
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
  label: 'Email moderation digests',
  outputSchema: [
    { name: 'sent', type: 'number' },
    { name: 'skipped', type: 'text' },
  ],
  schedule: [{ cron: '0 0 * * * *', queue: 'default' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 } },
  handler: async ({ req }) => ({ output: await sendModerationDigests(req) }),
}
