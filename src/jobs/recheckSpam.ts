import { createLocalReq, type PayloadRequest, type TaskConfig } from 'payload'

import { applyModerationRules } from '@/comments/submission/applyModerationRules'
import type { Comment } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'
import { AkismetError } from '@/spam/akismetError'
import {
  errorEntry,
  restoreInput,
  resultEntry,
  type SpamCheckDetails,
} from '@/spam/spamCheckRecord'

import { queueModeratorEmail } from './notifyModerators'

export const SPAM_QUEUE = 'spam'

/**
 * Queues an Akismet check of a comment, in the transaction of `req`: `now` for one whose check
 * was queued rather than awaited, `retry` (after AKISMET_RETRY_MINUTES) for one whose check failed.
 */
export async function queueSpamCheck(
  req: PayloadRequest,
  commentId: number | string,
  when: 'now' | 'retry',
) {
  const akismet = runtimeOf(req.payload).akismet
  const delay = when === 'now' ? 0 : (akismet?.config.retryIntervalMs ?? 20 * 60_000)
  await req.payload.jobs.queue({
    task: 'recheckSpam',
    queue: SPAM_QUEUE,
    input: { comment: String(commentId) },
    waitUntil: new Date(Date.now() + delay),
    req,
  })
}

type Outcome = 'spam' | 'ham' | 'retry' | 'gave up' | 'skipped'

/**
 * Checks a comment whose spam check failed, or was queued rather than awaited. Spam becomes spam; ham goes through the
 * moderation rules as a new comment would; another failure is retried later, until the give-up
 * time, when moderators are told and decide alone. A moderator who already acted wins: the job
 * then only records the verdict. Never at the same time as a report on the same comment.
 */
export function recheckSpam(req: PayloadRequest, id: string, now = new Date()): Promise<Outcome> {
  const { spamWork } = runtimeOf(req.payload)
  return spamWork.perComment.run(id, () =>
    spamWork.checks(async () => recheck(await ownRequest(req), id, now)),
  )
}

/**
 * A request of the check's own. The queue runs jobs side by side on one request, and on
 * PostgreSQL their writes then shared one transaction (interleaved queries, one job's commit or
 * rollback taking another's writes with it): each recheck and report writes in its own.
 */
export function ownRequest(req: PayloadRequest): Promise<PayloadRequest> {
  return createLocalReq({}, req.payload)
}

async function recheck(req: PayloadRequest, id: string, now: Date): Promise<Outcome> {
  const { payload } = req
  const comment = (await payload.findByID({
    collection: 'comments',
    id,
    depth: 0,
    req,
    disableErrors: true,
  })) as Comment | null
  const details = comment?.spamCheck?.details as SpamCheckDetails | undefined
  const verdict = comment?.spamCheck?.verdict
  if (!comment || (verdict !== 'error' && verdict !== 'unchecked') || !details?.input) {
    return 'skipped' satisfies Outcome
  }
  const akismet = runtimeOf(payload).akismet
  const kind = verdict === 'unchecked' ? 'check' : 'recheck'
  const moderatorActed = comment.status !== 'pending'
  // Reason and rule travel in the data: the audit trail names the rule as the actor.
  const update = (data: Partial<Comment>) =>
    payload.update({
      collection: 'comments',
      id: comment.id,
      data: data.status ? { ...data, statusRule: 'Akismet recheck' } : data,
      depth: 0,
      req,
      context: { trustedServerChange: true },
    })

  const giveUpAt = new Date(comment.createdAt).getTime() + (akismet?.config.giveUpAfterMs ?? 0)
  try {
    if (!akismet)
      throw new AkismetError('unexpected', { detail: 'Akismet is no longer configured' })
    const result = await akismet.checker.check(restoreInput(details.input))
    const spamCheck = {
      ...comment.spamCheck,
      verdict: result.verdict,
      checkedAt: result.checkedAt,
      discard: result.discard,
      details: { ...details, history: [...details.history, resultEntry(kind, result)] },
    }
    if (moderatorActed) {
      await update({ spamCheck })
      return result.verdict satisfies Outcome
    }
    if (result.verdict === 'spam') {
      await update({
        spamCheck,
        status: 'spam',
        statusReason: kind === 'check' ? 'Akismet' : 'Akismet (rechecked)',
      })
      return 'spam' satisfies Outcome
    }
    const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, req })
    const decision = await applyModerationRules(req, comment, settings, null)
    // Also when the rules keep it in Pending (no status change): it must stop saying its check
    // failed.
    await update({ spamCheck, status: decision.status, statusReason: decision.reason })
    if (decision.status === 'pending') await queueModeratorEmail(req, comment.id)
    return 'ham' satisfies Outcome
  } catch (error) {
    if (!(error instanceof AkismetError)) throw error
    const history = [...details.history, errorEntry(kind, error, now)]
    const spamCheck = {
      ...comment.spamCheck,
      verdict: 'error' as const,
      checkedAt: now.toISOString(),
      details: { ...details, history },
    }
    if (now.getTime() < giveUpAt && akismet) {
      await update({ spamCheck })
      await queueSpamCheck(req, comment.id, 'retry')
      return 'retry' satisfies Outcome
    }
    await update({
      spamCheck,
      statusReason: moderatorActed
        ? comment.statusReason
        : 'Spam check gave up; a moderator decides',
    })
    if (!moderatorActed) await queueModeratorEmail(req, comment.id)
    return 'gave up' satisfies Outcome
  }
}

export const recheckSpamTask: TaskConfig<{
  input: { comment: string }
  output: { outcome: string }
}> = {
  slug: 'recheckSpam',
  label: 'Check a comment with Akismet again',
  inputSchema: [{ name: 'comment', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  retries: 3,
  handler: async ({ input, req }) => ({
    output: { outcome: await recheckSpam(req, input.comment) },
  }),
}
