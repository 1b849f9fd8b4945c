import { jest } from '@jest/globals'

import { formatStaffDate } from '@/admin/formatStaffDate'
import { formatDate, formatDateTime } from '@/lib/formatDate'
import { agencyTimeZone, isTimeZone, validateTimeZone } from '@/lib/timeZone'

// 02:30 UTC on March 1: still the evening of February 28 in New York (EST, UTC-5).
const LATE_EVENING = '2026-03-01T02:30:00.000Z'
// A summer moment: daylight time (EDT, UTC-4).
const SUMMER = '2026-07-04T16:32:00.000Z'

describe('the agency time zone', () => {
  it('accepts IANA names and refuses anything else with a message naming an example', () => {
    for (const name of ['UTC', 'America/New_York', 'America/Chicago', 'Pacific/Honolulu']) {
      expect(isTimeZone(name)).toBe(true)
    }
    for (const name of ['Mars/Olympus', 'EST ', '', 'America/New York', '../etc', 42, null]) {
      expect(isTimeZone(name)).toBe(false)
    }
    expect(validateTimeZone('Mars/Olympus')).toMatch(/IANA time zone name, such as America\//)
    expect(validateTimeZone('America/Denver')).toBe(true)
  })

  it('falls back to UTC for a missing or unusable stored value', () => {
    expect(agencyTimeZone(null)).toBe('UTC')
    expect(agencyTimeZone({ timeZone: 'Nowhere/Land' })).toBe('UTC')
    expect(agencyTimeZone({ timeZone: 'America/Chicago' })).toBe('America/Chicago')
  })

  it('gives one event the same day and time in the admin, the public pages and emails', () => {
    const zone = 'America/New_York'
    expect(formatStaffDate(LATE_EVENING, zone)).toBe('Feb 28, 2026, 9:30 PM EST')
    expect(formatDate(LATE_EVENING, zone)).toBe('February 28, 2026')
    expect(formatDateTime(LATE_EVENING, zone)).toMatch(/^February 28, 2026,? (at )?9:30 PM EST$/)
    expect(formatStaffDate(SUMMER, zone)).toBe('Jul 4, 2026, 12:32 PM EDT')
    expect(formatDateTime(SUMMER, zone)).toMatch(/^July 4, 2026,? (at )?12:32 PM EDT$/)
  })

  it('shows UTC, with its abbreviation, when no zone is set', () => {
    expect(formatStaffDate(LATE_EVENING)).toBe('Mar 1, 2026, 2:30 AM UTC')
    expect(formatDate(LATE_EVENING)).toBe('March 1, 2026')
  })
})

describe('date formatters', () => {
  afterEach(() => jest.restoreAllMocks())

  it('makes one formatter per style and zone, not one per date written', () => {
    const made = jest.spyOn(Intl, 'DateTimeFormat')
    // Zones no other test here uses, so none was made before this test.
    for (let day = 1; day <= 50; day++) {
      const iso = `2026-05-${String((day % 28) + 1).padStart(2, '0')}T12:00:00.000Z`
      formatDate(iso, 'Pacific/Chatham')
      formatDateTime(iso, 'Pacific/Chatham')
      formatDate(iso, 'Asia/Kathmandu')
    }
    const zones = made.mock.calls.map(([, options]) => `${options?.month} ${options?.timeZone}`)
    expect(zones.sort()).toEqual([
      'long Asia/Kathmandu',
      'long Pacific/Chatham',
      'long Pacific/Chatham',
    ])
    expect(formatDate('2026-05-03T12:00:00.000Z', 'Asia/Kathmandu')).toBe('May 3, 2026')
  })

  it('writes nothing for a date that cannot be read, instead of throwing in a page', () => {
    expect(formatDate('not a date', 'UTC')).toBe('')
    expect(formatDateTime('2026-13-45T99:00:00Z', 'UTC')).toBe('')
    expect(formatStaffDate('', 'UTC')).toBe('')
  })
})
