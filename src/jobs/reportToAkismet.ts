import type { PayloadRequest, TaskConfig } from 'payload'

import type { Comment } from '@/payload-types'
import { runtimeOf } from '@/runtime/runtime'
import { AkismetError } from '@/spam/akismetError'
import {
  errorEntry,
  restoreInput,
  type SpamCheckDetails,
  type SpamHistoryEntry,
} from '@/spam/spamCheckRecord'

import { ownRequest, SPAM_QUEUE } from './recheckSpam'

export async function queueAkismetReport(
  req: PayloadRequest,
  commentId: number | string,
  kind: 'spam' | 'ham',
  by: string,
) {
  await req.payload.jobs.queue({
    task: 'reportToAkismet',
    queue: SPAM_QUEUE,
    input: { comment: String(commentId), kind, by },
    req,
  })
}

async function appendHistory(req: PayloadRequest, comment: Comment, entry: SpamHistoryEntry) {
  const details = comment.spamCheck?.details as SpamCheckDetails
  await req.payload.update({
    collection: 'comments',
    id: comment.id,
    depth: 0,
    req,
    context: { trustedServerChange: true },
    data: {
      spamCheck: {
        ...comment.spamCheck,
        details: { ...details, history: [...details.history, entry] },
      },
    },
  })
}

type ReportInput = { comment: string; kind: string; by: string }

async function sendReport(req: PayloadRequest, input: ReportInput) {
  const akismet = runtimeOf(req.payload).akismet
  const comment = await req.payload.findByID({
    collection: 'comments',
    id: input.comment,
    depth: 0,
    req,
    disableErrors: true,
  })
  const details = comment?.spamCheck?.details as SpamCheckDetails | undefined
  if (!akismet || !comment || !details?.input) return { output: { guid: '' } }
  const kind = input.kind === 'spam' ? 'submit-spam' : 'submit-ham'
  try {
    const report =
      input.kind === 'spam'
        ? await akismet.checker.submitSpam(restoreInput(details.input))
        : await akismet.checker.submitHam(restoreInput(details.input))
    await appendHistory(req, comment, {
      kind,
      at: report.reportedAt,
      guid: report.guid,
      by: input.by,
    })
    return { output: { guid: report.guid ?? '' } }
  } catch (error) {
    if (error instanceof AkismetError) {
      await appendHistory(req, comment, { ...errorEntry(kind, error), by: input.by })
    }
    throw error
  }
}

/**
 * Teaches Akismet a moderator's decision (submit-spam / submit-ham) with the data of the original
 * check. Runs from the job queue, so a slow or failing Akismet never holds up the moderator; a
 * failure is recorded on the comment and retried by the queue. Reports for one comment are sent
 * one at a time, in the order queued.
 */
export const reportToAkismetTask: TaskConfig<{
  input: ReportInput
  output: { guid: string }
}> = {
  slug: 'reportToAkismet',
  label: 'Report a moderator decision to Akismet',
  inputSchema: [
    { name: 'comment', type: 'text', required: true },
    { name: 'kind', type: 'text', required: true },
    { name: 'by', type: 'text' },
  ],
  outputSchema: [{ name: 'guid', type: 'text' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 60_000 } },
  handler: ({ input, req }) =>
    runtimeOf(req.payload).spamWork.perComment.run(input.comment, async () =>
      sendReport(await ownRequest(req), input),
    ),
}
