import type { Runtime } from '@/runtime/runtime'
import { AkismetError } from '@/spam/akismetError'
import { errorEntry, resultEntry, storeInput, type SpamCheckDetails } from '@/spam/spamCheckRecord'
import { spamInputFor } from '@/spam/spamInputFor'

import type { Accepted, Screening, Submitter } from './types'

/**
 * When to ask Akismet: `now`, waiting for the answer (never inside an open database transaction,
 * which would hold a connection for as long as Akismet takes), or `queue` the check for the spam
 * queue, which asks outside any transaction and decides then.
 */
export type SpamCheckTiming = 'now' | 'queue'

/**
 * The third stage: a filled honeypot is spam; then Akismet, when configured, for readers with a
 * known address (staff are not checked, nor comments made by server code). A failed check is
 * not a verdict: the comment waits for a recheck.
 */
export async function screenSubmission(
  runtime: Pick<Runtime, 'akismet'>,
  { post, parent, fields, honeypot }: Accepted,
  submitter: Submitter,
  timing: SpamCheckTiming,
  now = new Date(),
): Promise<Screening> {
  if (submitter.staff) return { kind: 'not checked' }
  if (honeypot.trim() !== '') return { kind: 'honeypot' }
  const { akismet } = runtime
  if (!akismet || !submitter.ip) return { kind: 'not checked' }

  const input = spamInputFor(
    { ...fields, ...submitter, parent, homepage: honeypot },
    post,
    akismet.config.siteUrl,
    now,
  )
  const details: SpamCheckDetails = { input: storeInput(input), history: [] }
  if (timing === 'queue') {
    return { kind: 'check queued', spamCheck: { verdict: 'unchecked', discard: false, details } }
  }
  try {
    const result = await akismet.checker.check(input)
    details.history.push(resultEntry('check', result))
    const spamCheck = {
      verdict: result.verdict,
      checkedAt: result.checkedAt,
      discard: result.discard,
      details,
    }
    return result.verdict === 'spam'
      ? { kind: 'spam', spamCheck, discard: result.discard }
      : { kind: 'ham', spamCheck }
  } catch (error) {
    if (!(error instanceof AkismetError)) throw error
    details.history.push(errorEntry('check', error, now))
    return {
      kind: 'check failed',
      message: error.message,
      spamCheck: { verdict: 'error', checkedAt: now.toISOString(), discard: false, details },
    }
  }
}
