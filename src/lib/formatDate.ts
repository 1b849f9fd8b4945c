import { DEFAULT_TIME_ZONE } from './timeZone'

/**
 * "March 4, 2025": dates are shown in the agency's (U.S. English) style, in the agency's time
 * zone (site settings), so a post or comment has the same date on every page and in every email.
 */
export function formatDate(iso: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): string {
  if (!iso) return ''
  return new Date(iso).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone,
  })
}

/** "March 4, 2025, 4:32 PM EST": a moment, in the agency's zone, with the zone's abbreviation. */
export function formatDateTime(
  iso: string | null | undefined,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  if (!iso) return ''
  return new Date(iso).toLocaleString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  })
}
