import { MemoryAttemptLimiter } from '@/runtime/attemptLimiter'

describe('MemoryAttemptLimiter', () => {
  it('allows `limit` attempts in a window, then says how long to wait', () => {
    const limiter = new MemoryAttemptLimiter(3, 60_000)
    for (let i = 0; i < 3; i++) expect(limiter.hit('a', 1_000 + i).allowed).toBe(true)
    expect(limiter.hit('a', 31_000)).toEqual({ allowed: false, retryAfter: 30 })
    expect(limiter.hit('b', 31_000).allowed).toBe(true)
  })

  it('starts a new window once the old one is over', () => {
    const limiter = new MemoryAttemptLimiter(1, 10_000)
    expect(limiter.hit('a', 0).allowed).toBe(true)
    expect(limiter.hit('a', 9_999).allowed).toBe(false)
    expect(limiter.hit('a', 10_000).allowed).toBe(true)
  })

  it('forgets a key when cleared', () => {
    const limiter = new MemoryAttemptLimiter(1, 10_000)
    limiter.hit('a', 0)
    limiter.clear('a')
    expect(limiter.hit('a', 1).allowed).toBe(true)
  })

  it('takes back one attempt when forgiven', () => {
    const limiter = new MemoryAttemptLimiter(2, 10_000)
    limiter.hit('a', 0)
    limiter.hit('a', 1)
    limiter.forgive('a')
    expect(limiter.hit('a', 2).allowed).toBe(true)
    expect(limiter.hit('a', 3).allowed).toBe(false)
  })

  it('keeps at most maxKeys keys, forgetting the oldest window first', () => {
    const limiter = new MemoryAttemptLimiter(1, 60_000, 2)
    limiter.hit('a', 0)
    limiter.hit('b', 1)
    limiter.hit('c', 2)
    // 'a' was forgotten: its next attempt is a first one again; 'b' is still counted.
    expect(limiter.hit('a', 3).allowed).toBe(true)
    expect(limiter.hit('c', 4).allowed).toBe(false)
  })
})
