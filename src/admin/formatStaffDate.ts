import { formatIn } from '@/lib/dateFormatters'
import { DEFAULT_TIME_ZONE } from '@/lib/timeZone'

/**
 * "Nov 23, 2026, 4:36 PM EST": the agency's zone from site settings, passed in by the server
 * (client components get it as a prop), so server and browser renders agree and every admin
 * screen shows an event at the same time as the public pages and the emails.
 */
export function formatStaffDate(
  iso: string | null | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  return formatIn('staff', timeZone, iso)
}
