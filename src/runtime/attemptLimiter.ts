/**
 * Counts attempts per key (an address, an address and an account) in a fixed window and says
 * when a key has had its fill. In-process and bounded: past `maxKeys` keys the oldest window is
 * forgotten first. A shared implementation (Redis) can replace it behind the same interface for
 * several instances.
 */
export interface AttemptLimiter {
  /** Counts an attempt for `key`; when over the limit, the seconds until the key may try again. */
  hit(key: string, now?: number): { allowed: true } | { allowed: false; retryAfter: number }
  /** Forgets the key's attempts (after a successful sign-in). */
  clear(key: string): void
  /** Takes back one attempt of the key: one that turned out well is not held against it. */
  forgive(key: string): void
}

type Window = { started: number; count: number }

export class MemoryAttemptLimiter implements AttemptLimiter {
  private readonly windows = new Map<string, Window>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  hit(key: string, now = Date.now()) {
    let window = this.windows.get(key)
    if (!window || now - window.started >= this.windowMs) {
      window = { started: now, count: 0 }
      this.windows.delete(key)
      this.windows.set(key, window)
      if (this.windows.size > this.maxKeys) {
        this.windows.delete(this.windows.keys().next().value as string)
      }
    }
    window.count += 1
    if (window.count <= this.limit) return { allowed: true } as const
    const retryAfter = Math.max(1, Math.ceil((window.started + this.windowMs - now) / 1000))
    return { allowed: false, retryAfter } as const
  }

  clear(key: string) {
    this.windows.delete(key)
  }

  forgive(key: string) {
    const window = this.windows.get(key)
    if (window && window.count > 0) window.count -= 1
  }
}
