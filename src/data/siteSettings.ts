import { CACHE_TAGS, cached } from '@/cache/contentCache'
import type { SiteSetting } from '@/payload-types'

import { getPayloadClient } from './getPayloadClient'

/** The site settings as readers may see them (moderation word lists are private). */
export const getSiteSettings = cached(
  'siteSettings',
  () => [CACHE_TAGS.settings],
  async (): Promise<SiteSetting> => {
    const payload = await getPayloadClient()
    return payload.findGlobal({
      slug: 'site-settings',
      overrideAccess: false,
      user: null,
      depth: 0,
    })
  },
)
