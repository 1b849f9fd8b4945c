import { randomBytes } from 'node:crypto'

import type { BenchApp } from '../app'
import { jsonRequest, jwt, timedFetch } from '../http'
import { sleep } from '../proc'
import { summarize, type Summary } from '../stats'

export type ApprovalResult = {
  /** Milliseconds from sending the approve request to a page that shows the comment. */
  visible: Summary
  /** Milliseconds the approve request itself took. */
  approve: Summary
  /** Page requests until the comment showed, per probe. */
  polls: number[]
}

const DEADLINE_MS = 30_000

/**
 * A comment held for moderation (three links: past the link limit) on a post with no other
 * approved comments, approved by the moderator; then the post page (no cookie: the page cache
 * first) is read, from the app or through the shared cache in front at `pageBase`, until the
 * comment's text is there.
 */
export async function approvalBenchmark(
  app: BenchApp,
  moderatorToken: string,
  slug: string,
  postId: number,
  probes: number,
  pageBase = app.baseUrl,
): Promise<ApprovalResult> {
  const visible: number[] = []
  const approve: number[] = []
  const polls: number[] = []
  const pageUrl = `${pageBase}/posts/${slug}`
  for (let i = 0; i < probes; i++) {
    const token = `approvalprobe${randomBytes(6).toString('hex')}`
    // The page as readers have it, in the page cache (and the shared cache in front).
    await timedFetch(pageUrl)
    await timedFetch(pageUrl)
    const created = await jsonRequest<{ id: number; status: string }>(
      `${app.baseUrl}/api/comments`,
      {
        method: 'POST',
        headers: {
          'x-forwarded-for': `172.${pageBase === app.baseUrl ? 20 : 21}.${i}.${1 + (Date.now() % 250)}`,
        },
        body: {
          post: postId,
          authorName: `Approval probe ${i}`,
          authorEmail: `${token}@example.org`,
          body: `${token} links https://a.example.org/1 https://b.example.org/2 https://c.example.org/3`,
        },
      },
    )
    if (created.status !== 'pending') {
      throw new Error(`The approval probe was ${created.status}, not held for moderation`)
    }
    const started = performance.now()
    const result = await jsonRequest<{ results: { id: number; status: string }[] }>(
      `${app.baseUrl}/api/comments/moderate`,
      {
        method: 'POST',
        headers: jwt(moderatorToken),
        body: { ids: [created.id], action: 'approve' },
      },
    )
    approve.push(performance.now() - started)
    if (result.results[0]?.status !== 'approved') {
      throw new Error(`Approving the probe answered ${JSON.stringify(result)}`)
    }
    for (let poll = 1; ; poll++) {
      const page = await timedFetch(pageUrl)
      if (page.body.includes(token)) {
        visible.push(performance.now() - started)
        polls.push(poll)
        break
      }
      if (performance.now() - started > DEADLINE_MS) {
        throw new Error(`The approved comment was not on ${pageUrl} after ${DEADLINE_MS / 1000} s`)
      }
      await sleep(5)
    }
  }
  return { visible: summarize(visible), approve: summarize(approve), polls }
}
