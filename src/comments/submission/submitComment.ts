import type { PayloadRequest, RequestContext, RequiredDataFromCollectionSlug } from 'payload'

import { agencyResponseTitle } from '@/comments/rules/agencyResponse'
import type { Comment } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'

import { acceptSubmission } from './accept'
import { checkBlocks } from './checkBlocks'
import { decideSubmission } from './decide'
import { giveBackFloodTurn, type FloodTurn } from './floodTurn'
import { guardSubmission } from './guard'
import { screenSubmission, type SpamCheckTiming } from './screen'
import { submitterOf } from './submitter'
import type { Accepted, Decision, SubmissionInput, Submitter } from './types'

/**
 * "Submit a comment", the one operation behind every way in: POST /api/comments, the comment
 * form's server action, a moderator's reply, and (through the collection's hooks) GraphQL and the
 * Local API. Its stages hand each other typed values:
 *
 *   accept (post, thread, fields, parent) -> guard (duplicate, the address's flood turn, given
 *   back if nothing is stored) -> blocks (a blocked
 *   commenter's comment goes to the trash) -> screen (honeypot, Akismet) -> decide (moderation
 *   rules) -> write the comment; the collection's afterChange
 *   hook then records its first status and queues its emails and spam checks (record.ts), in the
 *   same transaction.
 *
 * Refusals are Payload's errors: ValidationError (400, per field), APIError 403 closed, 409
 * duplicate, 429 too fast (with retryAfter); the entry points turn them into their answers.
 */

/** A loop guard: the create below has been through the pipeline; the hook must not run it again. */
export const DECIDED = 'commentSubmissionDecided' satisfies keyof RequestContext

export type SubmittedComment = { comment: Comment; decision: Decision }

async function decide(
  req: PayloadRequest,
  input: SubmissionInput,
  submitter: Submitter,
  timing: SpamCheckTiming,
  receivedAt: Date,
): Promise<{ accepted: Accepted; decision: Decision; turn: FloodTurn }> {
  const accepted = await acceptSubmission(req, input, submitter)
  const turn = await guardSubmission(req, accepted, submitter)
  try {
    const blocked = await checkBlocks(req, accepted, submitter)
    if (blocked) return { accepted, decision: blocked, turn }
    const runtime = runtimeOf(req.payload)
    const screening = await screenSubmission(runtime, accepted, submitter, timing, receivedAt)
    const decision = await decideSubmission(req, accepted, submitter, screening)
    return { accepted, decision, turn }
  } catch (error) {
    await giveBackFloodTurn(req, turn)
    throw error
  }
}

/** What the new comment is stored with: the reader's fields, who sent it, and the decision. */
function commentData(
  { post, parent, thread, fields, honeypot, settings }: Accepted,
  submitter: Submitter,
  decision: Decision,
  receivedAt: Date,
): RequiredDataFromCollectionSlug<'comments'> {
  return {
    post: post.id,
    parent: parent as number | null,
    thread: thread as number | null,
    ...fields,
    // Kept only as evidence on the spam it caught.
    homepage: decision.rule === 'honeypot' ? honeypot.slice(0, 1000) : null,
    status: decision.status,
    statusReason: decision.reason,
    statusRule: decision.rule,
    // One moment for the whole submission: when it was received (and sent to Akismet as such).
    createdAt: receivedAt.toISOString(),
    statusChangedAt: receivedAt.toISOString(),
    submittedBy: submitter.staff?.id ?? null,
    // Decided here from the signed-in user alone: a reader cannot send it.
    agencyResponse: agencyResponseTitle(submitter.staff, settings),
    ip: submitter.ip,
    userAgent: submitter.userAgent,
    referrer: submitter.referrer,
    ...(decision.spamCheck ? { spamCheck: decision.spamCheck } : {}),
  }
}

/**
 * Runs the whole pipeline for a submission arriving with `req` (the reader's or staff member's
 * request: user, address, browser) and stores the comment. Akismet is asked before the write,
 * outside any transaction; a caller that already holds one gets the check queued instead.
 */
export async function submitComment(
  req: PayloadRequest,
  input: SubmissionInput,
): Promise<SubmittedComment> {
  const receivedAt = new Date()
  const submitter = submitterOf(req)
  const timing = req.transactionID ? 'queue' : 'now'
  const { accepted, decision, turn } = await decide(req, input, submitter, timing, receivedAt)
  try {
    const comment = await req.payload.create({
      collection: 'comments',
      data: commentData(accepted, submitter, decision, receivedAt),
      req,
      // What access control guards on a create (server-set fields) the pipeline has set itself.
      overrideAccess: true,
      depth: 0,
      context: { [DECIDED]: true },
    })
    return { comment, decision }
  } catch (error) {
    await giveBackFloodTurn(req, turn)
    throw error
  }
}

/**
 * The same stages for a create that did not come through submitComment (GraphQL, the Local API),
 * run by the collection's beforeValidate hook. Payload has already opened the write's transaction,
 * so Akismet is not waited for: the comment is held and the spam queue checks it. The flood turn
 * is taken in that transaction, so (on PostgreSQL) a failed write gives it back with the rest.
 */
export async function decideCreatedComment(
  req: PayloadRequest,
  data: Partial<Comment>,
): Promise<RequiredDataFromCollectionSlug<'comments'>> {
  const receivedAt = new Date()
  const submitter = submitterOf(req)
  const input = data as SubmissionInput
  const { accepted, decision } = await decide(req, input, submitter, 'queue', receivedAt)
  return commentData(accepted, submitter, decision, receivedAt)
}
