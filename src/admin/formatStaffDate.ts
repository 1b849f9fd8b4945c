const format = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
})

/** "Nov 23, 2026, 9:36 PM UTC": one fixed zone, so server and browser renders agree. */
export function formatStaffDate(iso: string | null | undefined): string {
  return iso ? format.format(new Date(iso)) : ''
}
