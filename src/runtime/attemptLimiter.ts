import { createHash } from 'node:crypto'

import type { PayloadRequest } from 'payload'

/**
 * Where an attempt is counted from: a request (its open transaction, when it has one, so the count
 * commits or rolls back with what the request did) or just the Payload instance.
 */
export type AttemptScope = Pick<PayloadRequest, 'payload'> &
  Partial<Pick<PayloadRequest, 'transactionID'>>

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfter: number }

/** A key's window after an attempt was counted in it: its attempts so far, and when it ends. */
export type AttemptWindow = { count: number; expiresAt: number }

/**
 * Where attempts are counted: one window per key, kept where every instance of the application
 * sees it (the database they share), each change one atomic statement, so that two instances
 * counting the same key at the same moment both count. Times are milliseconds since the epoch.
 */
export interface AttemptStore {
  /**
   * Counts one attempt of `key`; a key without a window, or whose window is over, starts a new
   * one of `windowMs` from `now`.
   */
  count(scope: AttemptScope, key: string, windowMs: number, now: number): Promise<AttemptWindow>
  /** Forgets the key's window. */
  clear(scope: AttemptScope, key: string): Promise<void>
  /** Takes back one attempt of the key's window. */
  forgive(scope: AttemptScope, key: string): Promise<void>
  /** Deletes up to `max` windows over by `now`. */
  purge(scope: AttemptScope, now: number, max: number): Promise<void>
  /** How many windows are stored, over or not. */
  windows(scope: AttemptScope): Promise<number>
}

/** Expired windows are deleted as attempts come in: up to BATCH of them every EVERY attempts. */
export const ATTEMPT_PURGE = { every: 100, batch: 1000 } as const

/**
 * Keys are stored as digests: the table holds no address or email, and every key has one length.
 */
const storedKey = (key: string) => createHash('sha256').update(key).digest('base64url')

/**
 * Counts attempts per key in fixed windows and says when a key has had its fill. The counts live
 * in the store (the shared database), so every instance enforces the same limit. Expired windows
 * are purged as attempts come in, a bounded batch at a time, so the store holds about as many
 * windows as are running, whatever the number of addresses.
 */
export class AttemptCounter {
  private sincePurge = 0

  constructor(
    readonly store: AttemptStore,
    private readonly purge: { every: number; batch: number } = ATTEMPT_PURGE,
  ) {}

  /** Counts an attempt for `key`; when there were already `limit`, the seconds to wait. */
  async hit(
    scope: AttemptScope,
    key: string,
    limit: number,
    windowMs: number,
    now = Date.now(),
  ): Promise<AttemptVerdict> {
    const { count, expiresAt } = await this.store.count(scope, storedKey(key), windowMs, now)
    if (++this.sincePurge >= this.purge.every) await this.purgeExpired(scope, now)
    if (count <= limit) return { allowed: true }
    // Never more than a window: another instance's clock (or an attempt that read the time
    // just before this one) may have started the window a moment "later".
    const left = Math.min(expiresAt - now, windowMs)
    return { allowed: false, retryAfter: Math.max(1, Math.ceil(left / 1000)) }
  }

  /** Deletes a batch of expired windows now; the next purge comes `every` attempts later. */
  async purgeExpired(scope: AttemptScope, now = Date.now()): Promise<void> {
    this.sincePurge = 0
    await this.store.purge(scope, now, this.purge.batch)
  }

  /** Forgets the key's attempts. */
  clear(scope: AttemptScope, key: string): Promise<void> {
    return this.store.clear(scope, storedKey(key))
  }

  /** Takes back one attempt of the key: one that turned out well is not held against it. */
  forgive(scope: AttemptScope, key: string): Promise<void> {
    return this.store.forgive(scope, storedKey(key))
  }
}

/** One limit (`attempts` per `windowMs`) counted in a counter under its own name. */
export class AttemptLimiter {
  constructor(
    private readonly counter: AttemptCounter,
    private readonly name: string,
    readonly attempts: number,
    readonly windowMs: number,
  ) {}

  hit(scope: AttemptScope, key: string, now?: number): Promise<AttemptVerdict> {
    return this.counter.hit(scope, `${this.name} ${key}`, this.attempts, this.windowMs, now)
  }

  clear(scope: AttemptScope, key: string): Promise<void> {
    return this.counter.clear(scope, `${this.name} ${key}`)
  }

  forgive(scope: AttemptScope, key: string): Promise<void> {
    return this.counter.forgive(scope, `${this.name} ${key}`)
  }
}
