import { sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq, type Payload } from 'payload'

import { SCHEDULES_LOCK } from '@/db/advisoryLocks'

type Session = { db: { execute(query: unknown): Promise<unknown> } }

/**
 * Payload queues a scheduled task (payload/dist/queues/operations/handleSchedules) by reading the
 * last scheduled run, counting the task's waiting jobs, then queueing one: two processes doing
 * that at once both see none and both queue. On PostgreSQL each pass runs in one transaction that
 * first takes a transaction-level advisory lock, so passes run one after the other and the second
 * sees the first one's job (and skips). The lock goes with the transaction, or with the
 * connection of a process that died. Calls that bring their own request keep their transaction.
 *
 * SQLite and MongoDB deployments run one job runner (the server, or one worker).
 */
export function installScheduleLock(payload: Payload): void {
  if (payload.db.name !== 'postgres') return
  const { db } = payload
  const sessions = (db as unknown as { sessions: Record<string, Session> }).sessions
  const handleSchedules = payload.jobs.handleSchedules

  payload.jobs.handleSchedules = async (args) => {
    if (args?.req) return handleSchedules(args)
    const transactionID = await db.beginTransaction()
    if (!transactionID) return handleSchedules(args)
    try {
      await sessions[String(transactionID)].db.execute(
        sql.raw(`SELECT pg_advisory_xact_lock(${SCHEDULES_LOCK})`),
      )
      const req = await createLocalReq({}, payload)
      req.transactionID = transactionID
      const result = await handleSchedules({ ...args, req })
      await db.commitTransaction(transactionID)
      return result
    } catch (error) {
      await db.rollbackTransaction(transactionID)
      throw error
    }
  }
}
