import { normalizeBlockValue, parseRange, rangeAround } from '@/comments/blocks/blockValues'
import { BlockRanges, type RangeBlock } from '@/runtime/blockRanges'

describe('normalizeBlockValue', () => {
  it.each([
    ['email', ' Pat@Example.ORG ', 'pat@example.org'],
    ['ip', '::ffff:192.0.2.7', '192.0.2.7'],
    ['ip', '2001:DB8::1', '2001:db8::1'],
    ['ip', '2001:db8:0:0::1', '2001:db8::1'],
    ['range', '203.0.113.0/24', '203.0.113.0/24'],
    ['range', '2001:db8::/48', '2001:db8::/48'],
  ])('stores a %s block on %j as %j', (kind, value, stored) => {
    expect(normalizeBlockValue(kind, value)).toEqual({ value: stored })
  })

  it.each([
    ['range', '203.0.113.0/33'],
    ['range', '203.0.113.0'],
    ['range', '2001:db8::/129'],
    ['range', 'example.org/24'],
    ['ip', '256.1.1.1'],
    ['ip', '203.0.113.0/24'],
    ['email', 'pat@'],
    ['email', ''],
  ])('refuses a %s block on %j', (kind, value) => {
    expect(normalizeBlockValue(kind, value)).toMatchObject({ path: 'value' })
  })

  it('refuses an unknown kind', () => {
    expect(normalizeBlockValue('name', 'Pat')).toMatchObject({ path: 'kind' })
  })
})

describe('parseRange and rangeAround', () => {
  it('reads CIDR ranges Node accepts', () => {
    expect(parseRange('10.0.0.0/8')).toEqual({ network: '10.0.0.0', prefix: 8, family: 'ipv4' })
    expect(parseRange('10.0.0.0/8/1')).toBeNull()
  })

  it('gives the /24 or /64 around an address', () => {
    expect(rangeAround('198.18.7.9')).toBe('198.18.7.0/24')
    expect(rangeAround('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
    expect(rangeAround('2001:db8::5')).toBe('2001:db8::/64')
    expect(rangeAround('not an address')).toBeNull()
  })
})

describe('BlockRanges.match', () => {
  const now = new Date('2026-06-01T00:00:00Z')
  const ranges: RangeBlock[] = [
    { id: 1, value: '203.0.113.0/25', reason: 'Botnet', until: null },
    { id: 2, value: '198.51.100.0/24', reason: 'Ended', until: '2026-05-01T00:00:00Z' },
    { id: 3, value: '2001:db8::/32', reason: 'IPv6', until: '2026-07-01T00:00:00Z' },
  ]

  it('finds the active range holding an address', () => {
    expect(BlockRanges.match(ranges, '203.0.113.100', now)?.id).toBe(1)
    expect(BlockRanges.match(ranges, '2001:db8:ffff::1', now)?.id).toBe(3)
  })

  it('ignores addresses outside every range and ranges past their end', () => {
    expect(BlockRanges.match(ranges, '203.0.113.200', now)).toBeNull()
    expect(BlockRanges.match(ranges, '198.51.100.1', now)).toBeNull()
  })

  it('loads once until invalidated', async () => {
    const cache = new BlockRanges()
    let loads = 0
    const load = async () => {
      loads += 1
      return ranges
    }
    await cache.list(load)
    await cache.list(load)
    expect(loads).toBe(1)
    cache.invalidate()
    await cache.list(load)
    expect(loads).toBe(2)
  })
})
