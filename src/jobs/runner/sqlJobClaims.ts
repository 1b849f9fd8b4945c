import { and, eq, inArray, lt } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import type { ClaimRequest, JobClaimStore, JobId } from './jobClaimStore'

type Column = Parameters<typeof eq>[0]
type JobsTable = { id: Column; processing: Column; updatedAt: Column }
type UpdateChain = {
  set(values: Record<string, unknown>): {
    where(condition: unknown): PromiseLike<unknown> & {
      returning(columns: { id: Column }): PromiseLike<{ id: JobId }[]>
    }
  }
}
type Drizzle = { update(table: JobsTable): UpdateChain }
type SqlAdapter = {
  drizzle: Drizzle
  tables: Record<string, unknown>
  sessions: Record<string, { db: Drizzle } | undefined>
}

/**
 * PostgreSQL and SQLite, through the adapter's own Drizzle: each claim is one
 * `UPDATE payload_jobs SET processing = true WHERE id = $1 AND processing = false RETURNING id`.
 * PostgreSQL re-checks the condition on the row another transaction just committed, SQLite takes
 * the write lock for the statement: either way one caller gets the row back, the other nothing.
 * In Payload's claim transaction when there is one (PostgreSQL): with a pool of one connection
 * a statement outside it would wait forever; a row it takes is locked until that transaction
 * commits, a moment later, and a rival runner's claim of it then finds it taken.
 */
export function sqlJobClaims(db: Payload['db']): JobClaimStore {
  const { drizzle, tables, sessions } = db as unknown as SqlAdapter
  const jobs = tables.payload_jobs as JobsTable
  /** The transaction's connection when the request has one, else the pool. */
  const connectionOf = async (req?: ClaimRequest): Promise<Drizzle> => {
    const transactionID = await req?.transactionID
    return (transactionID && sessions[String(transactionID)]?.db) || drizzle
  }
  return {
    async claim(id, at, req) {
      const won = await (
        await connectionOf(req)
      )
        .update(jobs)
        .set({ processing: true, updatedAt: at })
        .where(and(eq(jobs.id, id), eq(jobs.processing, false)))
        .returning({ id: jobs.id })
      return won.length === 1
    },
    async releaseStale(before, req) {
      const released = await (
        await connectionOf(req)
      )
        .update(jobs)
        .set({ processing: false })
        .where(and(eq(jobs.processing, true), lt(jobs.updatedAt, before)))
        .returning({ id: jobs.id })
      return released.length
    },
    async touch(ids, at) {
      if (ids.length === 0) return []
      const touched = await drizzle
        .update(jobs)
        .set({ updatedAt: at })
        .where(and(inArray(jobs.id, ids), eq(jobs.processing, true)))
        .returning({ id: jobs.id })
      return touched.map((row) => row.id)
    },
    async release(ids) {
      if (ids.length === 0) return
      await drizzle.update(jobs).set({ processing: false }).where(inArray(jobs.id, ids))
    },
  }
}
