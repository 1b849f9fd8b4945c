const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`

/** "3 hours", "2 days", "less than a minute": how long a comment has waited, roughly. */
export function describeAge(sinceIso: string, now: Date = new Date()): string {
  const ms = Math.max(0, now.getTime() - Date.parse(sinceIso))
  if (ms < MINUTE) return 'less than a minute'
  if (ms < HOUR) return plural(Math.floor(ms / MINUTE), 'minute')
  if (ms < DAY) return plural(Math.floor(ms / HOUR), 'hour')
  return plural(Math.floor(ms / DAY), 'day')
}
