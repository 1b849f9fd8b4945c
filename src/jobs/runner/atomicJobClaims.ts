import { _internal_jobSystemGlobals, type Job, type Payload, type UpdateJobsArgs } from 'payload'

import { jobClaimStore, type JobId } from './jobClaimStore'

/** A job left processing this long without a sign of life is waiting again. */
export const JOB_LEASE_MS = 5 * 60_000
/** How often a process marks the jobs it is running as alive: well inside the lease. */
const HEARTBEAT_MS = 60_000

/** The most jobs one claim reads (the largest queue run takes 100: src/cms/payloadConfig.ts). */
const MAX_CLAIM = 100

/** What this process holds: for the worker's shutdown. */
export type JobClaims = {
  held(): JobId[]
  /** Hands the jobs this process still holds back to the queue. */
  releaseHeld(): Promise<void>
}

const now = () => _internal_jobSystemGlobals.getCurrentDate()

/** Payload's runner claims with exactly `{ processing: true }` (plus the time it adds). */
function isClaim(data: UpdateJobsArgs['data']): boolean {
  return (
    data.processing === true &&
    Object.keys(data).every((key) => key === 'processing' || key === 'updatedAt')
  )
}

/**
 * Replaces the adapter's `updateJobs` for the one call that claims jobs
 * (payload/dist/queues/operations/runJobs: `updateJobs({ data: { processing: true }, where,
 * limit })`). The adapters answer it with a read, then a write per row
 * (@payloadcms/drizzle/dist/updateJobs.js; db-mongodb's finds ids, then updates them without
 * re-checking), so two runners can both take a job. Here each row is taken by a conditional
 * update, and only the rows this process won are run. Every other call goes to the adapter.
 *
 * Payload never frees a job whose runner died (it stays `processing`): each claim first makes
 * waiting again the jobs untouched for JOB_LEASE_MS, and a heartbeat keeps this process's own
 * running jobs fresh, however long they take.
 */
export function installAtomicJobClaims(payload: Payload): JobClaims {
  const db = payload.db
  const store = jobClaimStore(payload)
  const adapterUpdateJobs = db.updateJobs.bind(db)
  const held = new Map<string, JobId>()

  const take = async (id: JobId, at: string, req: UpdateJobsArgs['req']) => {
    const won = await store.claim(id, at, req)
    if (won) held.set(String(id), id)
    return won
  }

  const releaseStale = async (at: string, req: UpdateJobsArgs['req']) => {
    const before = new Date(Date.parse(at) - JOB_LEASE_MS).toISOString()
    const released = await store.releaseStale(before, req)
    if (released > 0) {
      payload.logger.warn(
        { released },
        'jobs left processing by a stopped runner are waiting again',
      )
    }
  }

  const claim = async (args: UpdateJobsArgs): Promise<Job[]> => {
    const at = typeof args.data.updatedAt === 'string' ? args.data.updatedAt : now().toISOString()
    const where = args.id !== undefined ? { id: { equals: args.id } } : args.where
    if (args.id === undefined) await releaseStale(at, args.req)
    const { docs } = await db.find({
      collection: 'payload-jobs',
      where,
      sort: args.sort,
      // A run without a limit (0 or none) still reads a bounded batch.
      limit: Math.min(args.limit || MAX_CLAIM, MAX_CLAIM),
      pagination: false,
      req: args.req,
    })
    const won: Job[] = []
    for (const doc of docs as Job[]) {
      if (await take(doc.id, at, args.req)) won.push({ ...doc, processing: true, updatedAt: at })
    }
    return won
  }

  db.updateJobs = async (args) => {
    if (!isClaim(args.data)) {
      // The runner's own update that ends a run (done, failed, to be retried).
      if (args.id !== undefined && args.data.processing === false) held.delete(String(args.id))
      return adapterUpdateJobs(args)
    }
    try {
      const won = await claim(args)
      return args.returning === false ? null : won
    } catch (error) {
      // Payload's caller (queues/utilities/updateJob.js) commits but never rolls back: a failed
      // claim would leave its transaction open, holding row locks and a pooled connection.
      const transactionID = await args.req?.transactionID
      if (transactionID) await db.rollbackTransaction(transactionID)
      throw error
    }
  }

  const heartbeat = setInterval(() => {
    if (held.size === 0) return
    store
      .touch([...held.values()], now().toISOString())
      .then((alive) => {
        const aliveKeys = new Set(alive.map(String))
        for (const key of held.keys()) if (!aliveKeys.has(key)) held.delete(key)
      })
      .catch((error: unknown) => payload.logger.warn({ err: error }, 'job heartbeat failed'))
  }, HEARTBEAT_MS)
  heartbeat.unref()
  const destroy = db.destroy?.bind(db)
  db.destroy = async () => {
    clearInterval(heartbeat)
    await destroy?.()
  }

  return {
    held: () => [...held.values()],
    async releaseHeld() {
      const ids = [...held.values()]
      held.clear()
      await store.release(ids)
    },
  }
}
