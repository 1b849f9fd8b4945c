import {
  addHeldCommentId,
  heldCookieHeader,
  HELD_COOKIE_MAX_AGE_SECONDS,
  HELD_COOKIE_MAX_IDS,
  readHeldCommentIds,
} from '@/comments/held/heldCommentsCookie'

const SECRET = 'a-secret-for-this-test-only'
const NOW = new Date('2026-06-01T12:00:00.000Z')
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000)

/** A cookie value listing `ids`, added one second apart starting at NOW. */
function cookieWith(ids: (number | string)[], secret = SECRET) {
  return ids.reduce<string | undefined>(
    (value, id, index) => addHeldCommentId(value, id, secret, later(index)),
    undefined,
  )!
}

describe('held-comments cookie', () => {
  it('lists the ids it was given, oldest first, signed so that only this secret reads them', () => {
    const value = cookieWith([7, 'a1b2c3', 9])
    expect(readHeldCommentIds(value, SECRET, later(10))).toEqual(['7', 'a1b2c3', '9'])
    expect(readHeldCommentIds(value, 'another-secret', later(10))).toEqual([])
  })

  it('ignores a value whose list or signature was altered in any way', () => {
    const value = cookieWith([7])
    const [payload, signature] = value.split('.')
    const forged = Buffer.from(JSON.stringify([['8', Math.floor(NOW.getTime() / 1000)]])).toString(
      'base64url',
    )
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA')
    for (const tampered of [
      `${forged}.${signature}`,
      `${payload}.${flipped}`,
      `${payload}.`,
      payload,
      `${payload}.${signature}x`,
      '',
      'not a cookie',
      `${payload}.${signature}`.repeat(100),
    ]) {
      expect(readHeldCommentIds(tampered, SECRET, later(1))).toEqual([])
    }
  })

  it(`keeps only the newest ${HELD_COOKIE_MAX_IDS} ids, and an id once`, () => {
    const ids = Array.from({ length: HELD_COOKIE_MAX_IDS + 5 }, (_, index) => index + 1)
    const value = cookieWith(ids)
    const read = readHeldCommentIds(value, SECRET, later(60))
    expect(read).toHaveLength(HELD_COOKIE_MAX_IDS)
    expect(read[0]).toBe('6')
    expect(read.at(-1)).toBe(String(HELD_COOKIE_MAX_IDS + 5))
    const again = addHeldCommentId(value, 10, SECRET, later(61))
    const reread = readHeldCommentIds(again, SECRET, later(62))
    expect(reread.filter((id) => id === '10')).toHaveLength(1)
    expect(reread.at(-1)).toBe('10')
    expect(again.length).toBeLessThan(1500)
  })

  it('forgets each id once it is older than the cookie lifetime', () => {
    const first = addHeldCommentId(undefined, 1, SECRET, NOW)
    const both = addHeldCommentId(first, 2, SECRET, later(HELD_COOKIE_MAX_AGE_SECONDS / 2))
    expect(readHeldCommentIds(both, SECRET, later(HELD_COOKIE_MAX_AGE_SECONDS - 1))).toEqual([
      '1',
      '2',
    ])
    expect(readHeldCommentIds(both, SECRET, later(HELD_COOKIE_MAX_AGE_SECONDS + 1))).toEqual(['2'])
    // Dropped from the next value too.
    const next = addHeldCommentId(both, 3, SECRET, later(HELD_COOKIE_MAX_AGE_SECONDS + 2))
    expect(readHeldCommentIds(next, SECRET, later(HELD_COOKIE_MAX_AGE_SECONDS + 3))).toEqual([
      '2',
      '3',
    ])
  })

  it('replaces a foreign value rather than extending it', () => {
    const foreign = cookieWith([5], 'another-secret')
    const value = addHeldCommentId(foreign, 6, SECRET, NOW)
    expect(readHeldCommentIds(value, SECRET, NOW)).toEqual(['6'])
  })

  it('refuses to list anything but an id', () => {
    expect(() => addHeldCommentId(undefined, '1; Path=/admin', SECRET)).toThrow(RangeError)
  })

  it('is HttpOnly, SameSite=Lax, for the whole site, expiring with its lifetime; Secure over https', () => {
    expect(heldCookieHeader('v.s', false)).toBe(
      `held-comments=v.s; Path=/; Max-Age=${HELD_COOKIE_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax`,
    )
    expect(heldCookieHeader('v.s', true)).toMatch(/; Secure$/)
  })
})
