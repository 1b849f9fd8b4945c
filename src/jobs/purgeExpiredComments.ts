import type { PayloadRequest, TaskConfig, Where } from 'payload'

import { recordAudit } from '@/audit/recordAudit'
import { detachReplies } from '@/comments/queries/detachReplies'
import { yieldToEventLoop } from '@/lib/yieldToEventLoop'

const DAY_MS = 24 * 60 * 60 * 1000
const BATCH = 100

/**
 * Deletes spam and trash whose status is older than the retention period in site settings
 * (default 90 days, the GRS 6.4 minimum for public comments) and records one audit entry with the
 * count. Approved and pending comments are never touched.
 */
export async function purgeExpiredComments(
  req: PayloadRequest,
  now: Date = new Date(),
): Promise<{ purged: number; cutoff: string }> {
  const { payload } = req
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  const days = settings.retentionDays ?? 90
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString()
  const where: Where = {
    status: { in: ['spam', 'trash'] },
    or: [
      { statusChangedAt: { less_than: cutoff } },
      // Imported comments (and those stored before statusChangedAt existed) have no status date:
      // their own date is the best there is.
      { and: [{ statusChangedAt: { exists: false } }, { createdAt: { less_than: cutoff } }] },
    ],
  }
  const byStatus: Record<string, number> = {}
  let purged = 0
  for (;;) {
    const { docs } = await payload.find({
      collection: 'comments',
      where,
      limit: BATCH,
      depth: 0,
      pagination: false,
      select: { status: true },
      req,
    })
    if (docs.length === 0) break
    // Replies stay, as top-level comments: for the whole batch here, not one by one in the
    // collection's beforeDelete hook.
    const ids = docs.map((doc) => doc.id)
    await detachReplies(req, ids)
    const { errors } = await payload.delete({
      collection: 'comments',
      where: { id: { in: ids } },
      depth: 0,
      req,
      context: { purge: true },
    })
    // A comment that could not be deleted would be found again, for ever: fail the job instead.
    if (errors.length) {
      throw new Error(`The purge could not delete ${errors.length} comments: ${errors[0].message}`)
    }
    for (const doc of docs) byStatus[doc.status] = (byStatus[doc.status] ?? 0) + 1
    purged += docs.length
    // The job runs in a web instance too: requests are answered between batches.
    await yieldToEventLoop()
  }
  await recordAudit(req, {
    action: 'comment-purge',
    actor: { system: 'retention purge' },
    summary: `Purged ${purged} spam and trash ${purged === 1 ? 'comment' : 'comments'} older than ${days} days`,
    targetType: 'comment',
    reason: `Retention period: ${days} days (status changed before ${cutoff})`,
    details: { purged, byStatus, cutoff, retentionDays: days },
  })
  return { purged, cutoff }
}

export const purgeExpiredCommentsTask: TaskConfig<{
  input: Record<string, never>
  output: { purged: number; cutoff: string }
}> = {
  slug: 'purgeExpiredComments',
  label: 'Purge expired spam and trash',
  outputSchema: [
    { name: 'purged', type: 'number' },
    { name: 'cutoff', type: 'text' },
  ],
  schedule: [{ cron: '0 30 3 * * *', queue: 'default' }],
  retries: 3,
  handler: async ({ req }) => ({ output: await purgeExpiredComments(req) }),
}
