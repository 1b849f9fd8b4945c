import { cached } from '@/data/cached'
import { CACHE_TAGS } from '@/runtime/cacheTags'
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
