import { describeAge } from '@/admin/ModerationCard/describeAge'

const NOW = new Date('2026-12-01T12:00:00.000Z')
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString()

describe('describeAge', () => {
  it.each([
    [30_000, 'less than a minute'],
    [60_000, '1 minute'],
    [59 * 60_000, '59 minutes'],
    [3 * 3_600_000 + 59 * 60_000, '3 hours'],
    [24 * 3_600_000, '1 day'],
    [9 * 24 * 3_600_000, '9 days'],
  ])('says %i ms is "%s"', (ms, words) => {
    expect(describeAge(ago(ms), NOW)).toBe(words)
  })

  it('never says a negative age (a clock slightly ahead)', () => {
    expect(describeAge(ago(-5_000), NOW)).toBe('less than a minute')
  })
})
