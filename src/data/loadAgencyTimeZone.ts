import type { Payload } from 'payload'
import { cache } from 'react'

import { agencyTimeZone } from '@/lib/timeZone'

/**
 * The agency's time zone from site settings, for admin screens: one small read, shared by every
 * component of one server render (React `cache`), so a list of dated rows reads it once.
 */
export const loadAgencyTimeZone = cache(async (payload: Payload): Promise<string> => {
  const settings = await payload.findGlobal({
    slug: 'site-settings',
    depth: 0,
    select: { timeZone: true },
  })
  return agencyTimeZone(settings)
})
