import { dateFormatter } from './dateFormatters'

/** Where dates are shown when site settings name no zone (and the stored value is unusable). */
export const DEFAULT_TIME_ZONE = 'UTC'

/** An IANA time zone name this runtime knows ("America/New_York", "UTC"). */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false
  try {
    // The formatter a page would use for it: known zones are made once, at the first check.
    dateFormatter('date', name)
    return true
  } catch {
    return false
  }
}

/** The site's zone, falling back to UTC so a bad stored value never breaks a page. */
export function agencyTimeZone(settings: { timeZone?: string | null } | null | undefined): string {
  const name = settings?.timeZone
  return isTimeZone(name) ? name : DEFAULT_TIME_ZONE
}

/** Site settings' rule, its message shown in the admin and in a 400; unset (null) means UTC. */
export function validateTimeZone(value: string | null | undefined): true | string {
  return value === null || value === undefined || isTimeZone(value)
    ? true
    : 'Enter an IANA time zone name, such as America/New_York, America/Chicago or UTC.'
}
