import type { Payload } from 'payload'

import { agencyTimeZone } from '@/lib/timeZone'

/** The agency's time zone from site settings, for admin screens and jobs (one small read). */
export async function loadAgencyTimeZone(payload: Payload): Promise<string> {
  const settings = await payload.findGlobal({
    slug: 'site-settings',
    depth: 0,
    select: { timeZone: true },
  })
  return agencyTimeZone(settings)
}
