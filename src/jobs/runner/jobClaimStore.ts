import type { Payload } from 'payload'

import { mongoJobClaims } from './mongoJobClaims'
import { sqlJobClaims } from './sqlJobClaims'

export type JobId = number | string

/** The request of Payload's claim: its transaction, when the adapter opened one. */
export type ClaimRequest = { transactionID?: number | string | Promise<number | string | null> }

/**
 * The few writes on `payload-jobs` that must be atomic when several processes run jobs, each one
 * statement the database decides alone: a conditional update, never a read followed by a write.
 */
export type JobClaimStore = {
  /** Marks one waiting job as processing; true only for the one caller that did. */
  claim(id: JobId, at: string, req?: ClaimRequest): Promise<boolean>
  /** Jobs still processing but untouched since `before` (their runner died): waiting again. */
  releaseStale(before: string, req?: ClaimRequest): Promise<number>
  /** Touches the jobs among `ids` that are still processing; returns those. */
  touch(ids: JobId[], at: string): Promise<JobId[]>
  /** Hands jobs this process holds back to the queue (a worker stopping mid-job). */
  release(ids: JobId[]): Promise<void>
}

export function jobClaimStore(payload: Payload): JobClaimStore {
  return payload.db.name === 'mongoose' ? mongoJobClaims(payload.db) : sqlJobClaims(payload.db)
}
