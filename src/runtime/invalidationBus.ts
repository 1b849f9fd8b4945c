import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

export type BusLogger = Pick<Payload['logger'], 'info' | 'warn' | 'error'>

/** What a bus hands the instance it runs in. */
export type InvalidationListener = {
  /** Another instance invalidated `tags`: drop them here too. */
  notice(tags: string[]): void
  /**
   * The bus was disconnected and is back: notices sent meanwhile are lost, so drop everything
   * cached (the next requests load it again).
   */
  missed(): void
}

/**
 * Carries invalidations between the instances that serve one site: each publishes the tags it
 * invalidated, and applies the others'. It hangs on the runtime (`runtime.invalidation`); the
 * implementation follows INVALIDATION_BUS (src/config/sharedInvalidation.ts):
 *
 * - in-process: one instance, nothing to tell anyone (no connection);
 * - postgres: LISTEN/NOTIFY on the database the instances share (src/runtime/postgresInvalidationBus.ts);
 * - redis: pub/sub on REDIS_URL (src/runtime/redisInvalidationBus.ts).
 *
 * Building a bus opens nothing: `subscribe` connects (Payload's onInit, in the process that
 * really runs Payload) and `close` disconnects (closeDatabase).
 */
export interface InvalidationBus {
  readonly kind: 'in-process' | 'postgres' | 'redis'
  /** This instance, in its notices: it skips its own. */
  readonly instanceId: string
  /** Tells the other instances; never throws (a failure is logged). */
  publish(tags: string[], logger: BusLogger): Promise<void>
  /** Starts applying the other instances' notices; resolves once listening (or after a bounded wait). */
  subscribe(listener: InvalidationListener, logger: BusLogger): Promise<void>
  close(): Promise<void>
}

/** One instance: its own hooks invalidate its caches, and nobody else needs telling. */
export class InProcessInvalidationBus implements InvalidationBus {
  readonly kind = 'in-process' as const
  readonly instanceId = randomUUID()

  async publish(): Promise<void> {}

  async subscribe(): Promise<void> {}

  async close(): Promise<void> {}
}

/** Waits for `promise` at most `ms`; true when it settled in time. */
export async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  try {
    return await Promise.race([promise.then(() => true), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Reconnection delays: 100 ms, doubling, at most 10 s. */
export const reconnectDelay = (attempt: number) => Math.min(100 * 2 ** attempt, 10_000)

/** An error's message, for a log line (a connection error's stack says nothing useful). */
export const busErrorMessage = (error: unknown) =>
  error instanceof Error ? error.message : String(error)
