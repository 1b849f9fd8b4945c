import { formatIn } from './dateFormatters'
import { DEFAULT_TIME_ZONE } from './timeZone'

/**
 * "March 4, 2025": dates are shown in the agency's (U.S. English) style, in the agency's time
 * zone (site settings), so a post or comment has the same date on every page and in every email.
 */
export function formatDate(iso: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): string {
  return formatIn('date', timeZone, iso)
}

/** "March 4, 2025, 4:32 PM EST": a moment, in the agency's zone, with the zone's abbreviation. */
export function formatDateTime(
  iso: string | null | undefined,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  return formatIn('dateTime', timeZone, iso)
}
