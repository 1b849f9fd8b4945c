import type { Payload } from 'payload'

import { AttemptCounter, AttemptLimiter, type AttemptStore } from '@/runtime/attemptLimiter'

/**
 * The counter's own arithmetic and purging, with the database (the store, tested against SQLite
 * and PostgreSQL in tests/int/sharedLimits.int.test.ts) replaced by a record of what was asked.
 */
function recordingStore(windows: { count: number; expiresAt: number }[]) {
  const calls: string[] = []
  let next = 0
  const store: AttemptStore = {
    count: async (_scope, key) => {
      calls.push(`count ${key}`)
      return windows[next++ % windows.length]
    },
    clear: async (_scope, key) => void calls.push(`clear ${key}`),
    forgive: async (_scope, key) => void calls.push(`forgive ${key}`),
    purge: async (_scope, now, max) => void calls.push(`purge ${now} ${max}`),
    windows: async () => 0,
  }
  return { store, calls }
}

const scope = { payload: {} as Payload }

describe('AttemptCounter', () => {
  it('allows up to the limit, then says how many whole seconds are left of the window', async () => {
    const { store } = recordingStore([
      { count: 3, expiresAt: 61_000 },
      { count: 4, expiresAt: 61_000 },
      { count: 4, expiresAt: 60_999 },
    ])
    const counter = new AttemptCounter(store)
    expect(await counter.hit(scope, 'a', 3, 60_000, 1_000)).toEqual({ allowed: true })
    expect(await counter.hit(scope, 'a', 3, 60_000, 31_000)).toEqual({
      allowed: false,
      retryAfter: 30,
    })
    // Never "try again in 0 seconds".
    expect(await counter.hit(scope, 'a', 3, 60_000, 60_999)).toEqual({
      allowed: false,
      retryAfter: 1,
    })
  })

  it('never asks for more than one window, whoever started it', async () => {
    // Another instance started the window with a clock 1.5 s ahead of this one.
    const { store } = recordingStore([{ count: 2, expiresAt: 61_500 }])
    const counter = new AttemptCounter(store)
    expect(await counter.hit(scope, 'a', 1, 60_000, 0)).toEqual({ allowed: false, retryAfter: 60 })
  })

  it('stores a digest of the key, never the address or email in it', async () => {
    const { store, calls } = recordingStore([{ count: 1, expiresAt: 1 }])
    const limiter = new AttemptLimiter(new AttemptCounter(store), 'perAccount', 5, 60_000)
    await limiter.hit(scope, '203.0.113.9 pat@example.gov')
    await limiter.clear(scope, '203.0.113.9 pat@example.gov')
    expect(calls).toHaveLength(2)
    expect(calls.join(' ')).not.toMatch(/203\.0\.113|example\.gov/)
    expect(calls[0].slice('count '.length)).toBe(calls[1].slice('clear '.length))
    expect(calls[0]).toMatch(/^count [\w-]{43}$/)
  })

  it('purges a bounded batch of expired windows every so many attempts', async () => {
    const { store, calls } = recordingStore([{ count: 1, expiresAt: 1 }])
    const counter = new AttemptCounter(store, { every: 3, batch: 50 })
    for (let i = 1; i <= 7; i++) await counter.hit(scope, `k${i}`, 1, 1_000, i)
    expect(calls.filter((call) => call.startsWith('purge'))).toEqual(['purge 3 50', 'purge 6 50'])
  })
})
