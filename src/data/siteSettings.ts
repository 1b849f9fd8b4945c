import type { SiteSetting } from '@/payload-types'

import { getPayloadClient } from './getPayloadClient'
import { publicSiteSettings } from './publicSiteSettings'

/** The public site settings, for server components (src/data/publicSiteSettings.ts). */
export async function getSiteSettings(): Promise<SiteSetting> {
  return publicSiteSettings(await getPayloadClient())
}
